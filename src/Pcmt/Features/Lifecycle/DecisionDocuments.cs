using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Persons;
using Pcmt.Infrastructure.Auditing;
using Format = Pcmt.Infrastructure.Web.Format;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// Quyết định (DOCX): the officer's decision forms of NĐ 163/2026 (Form 04 management, Form 22 voluntary rehab, Form 53
/// post-rehab), filled from the file, editable in Word: national motto heading, number, date, legal bases, articles, signature.
/// Each download is audited (the document carries the citizen ID).
/// </summary>
public sealed partial class DecisionDocuments(AppDbContext db, PersonCaseFiles files, PersonRules rules, AuditLog audit)
{
    public static IReadOnlyList<string> Forms { get; } = ["04", "22", "53"];

    public async Task<Result<(byte[] Content, string FileName)>> CreateAsync(Guid personId, string form, Guid? recordId, CancellationToken cancellationToken)
    {
        if (MoreForms.Contains(form))
            return await CreateMoreAsync(personId, form, recordId, cancellationToken); // the other §12 forms (DecisionForms.cs)
        if (!Forms.Contains(form))
            return new Failure.Invalid("form", "Mẫu phải là một trong: " + string.Join(", ", Forms) + ".");
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        var (file, records) = await files.ReadAsync(person, cancellationToken);
        var kind = form switch { "04" => CaseEventKinds.ManagementDecision, "22" => CaseEventKinds.RehabEpisode, _ => CaseEventKinds.PostRehabDecision };
        var record = records.LastOrDefault(r => r.Kind == kind && !r.Voided && (recordId is null || r.Id == recordId)
            && (form != "22" || r.Event is RehabDecided { Compulsory: false }));
        if (record is null)
            return new Failure.Invalid("recordId", "Hồ sơ chưa có quyết định tương ứng để in mẫu " + form + ".");
        var view = file.Cases.Single(c => c.Id == record.Id);
        var units = await db.AdministrativeUnits.AsNoTracking().Where(u => (u.Code == person.CommuneCode || u.Code == person.ProvinceCode) && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var commune = units.GetValueOrDefault(person.CommuneCode, person.CommuneCode);
        var province = units.GetValueOrDefault(person.ProvinceCode, person.ProvinceCode);
        var subject = new Subject(person.FullName, new BirthDate(person.BirthYear, person.DateOfBirth), person.Sex == Sex.Female ? "Nữ" : "Nam",
            rules.Reveal(person.CitizenIdProtected), string.Join(", ", new[] { person.Current.Address, DocumentLayout.MidSentence(commune), DocumentLayout.MidSentence(province) }.Where(s => !string.IsNullOrWhiteSpace(s))));

        var content = record.Event switch
        {
            ManagementDecided m => Management(m, view, subject, commune, province),
            RehabDecided r => VoluntaryRehab(r, view, subject, commune, province),
            PostRehabDecided p => PostRehab(p, view, subject, commune, province),
            _ => throw new InvalidOperationException("Unexpected record kind."),
        };
        // Recorded against the person, so the download shows in the file's access history.
        await audit.RecordReadAsync(nameof(CaseRecord), record.Id.ToString(), person.Id, "Mẫu " + form + " (docx)", "tải quyết định", cancellationToken);
        return (Render(content), $"mau-{form}-{person.FileCode}.docx");
    }

    private sealed record Subject(string FullName, BirthDate Birth, string Sex, string? CitizenId, string Residence);

    /// <summary>The parts of an administrative decision (Nghị định 30/2020/NĐ-CP on document format).</summary>
    /// <remarks>
    /// Certificates and letters (issue 16) use the same parts: <paramref name="Operative"/> is the heading before the articles
    /// ("CHỨNG NHẬN:", or none for a letter), <paramref name="Addressee"/> the "Kính gửi" line, <paramref name="ShowAuthority"/>
    /// whether the issuing authority is repeated above the bases (decisions and certificates), and an empty
    /// <paramref name="Issuer"/> a document written by a person (the supporter's notice), which has the national heading only.
    /// </remarks>
    private sealed record Decision(string Issuer, string IssuerParent, string Number, string Place, DateOnly Date, string Title, string Subject, string SignerTitle,
        IReadOnlyList<string> Bases, IReadOnlyList<string> Articles, string Recipients,
        string? Operative = "QUYẾT ĐỊNH:", string? Addressee = null, bool ShowAuthority = true, string SignatureNote = "(Ký, ghi rõ họ tên, đóng dấu)",
        IReadOnlyList<string[]>? Table = null);

    private static string DateLine(string place, DateOnly date) => $"{place}, ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}";

    private static IEnumerable<string> SubjectLines(Subject s) =>
    [
        "Họ và tên: " + s.FullName + "; Giới tính: " + s.Sex,
        "Ngày, tháng, năm sinh: " + (s.Birth.Date is { } d ? Format.Date(d) : s.Birth.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        "Số định danh cá nhân: " + (s.CitizenId ?? "…………"),
        "Nơi cư trú: " + s.Residence,
    ];

    private static Decision Management(ManagementDecided m, CaseView view, Subject s, string commune, string province)
    {
        var law120 = m.Regime == LegalRegime.Law120;
        var issuer = law120 ? "CÔNG AN " + commune.ToUpperInvariant() : "ỦY BAN NHÂN DÂN " + commune.ToUpperInvariant();
        return new Decision(issuer, law120 ? "CÔNG AN " + province.ToUpperInvariant() : province.ToUpperInvariant(), m.DecisionNumber, commune, Deadlines.LegalTime.DayOf(m.DecidedAt),
            "QUYẾT ĐỊNH", "Về việc quản lý người sử dụng trái phép chất ma túy", law120 ? "TRƯỞNG CÔNG AN" : "CHỦ TỊCH",
            law120
                ? ["Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15;", "Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ quy định chi tiết một số điều của Luật Phòng, chống ma túy;", "Căn cứ kết quả xét nghiệm chất ma túy trong cơ thể;", "Theo đề nghị của cán bộ Công an phụ trách địa bàn."]
                : ["Căn cứ Luật Phòng, chống ma túy số 73/2021/QH14;", "Căn cứ Nghị định số 105/2021/NĐ-CP ngày 04/12/2021 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;", "Căn cứ kết quả xét nghiệm chất ma túy trong cơ thể."],
            [
                "Điều 1. Quản lý người sử dụng trái phép chất ma túy đối với:\n" + string.Join("\n", SubjectLines(s)) +
                    $"\nThời hạn quản lý: 01 năm, kể từ ngày {Format.Date(view.StartsOn)} đến hết ngày {Format.Date(view.EndsOn)}.",
                "Điều 2. Giao " + (m.OfficerName ?? "cán bộ Công an phụ trách địa bàn") + " và Tổ quản lý tổ chức thực hiện việc quản lý theo quy định tại " +
                    (law120 ? "Điều 24 Luật Phòng, chống ma túy và Điều 61 Nghị định số 163/2026/NĐ-CP." : "Điều 23 Luật Phòng, chống ma túy."),
                "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Người có tên tại Điều 1, gia đình và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
            ],
            "- Như Điều 3;\n- UBND cấp xã;\n- Lưu: hồ sơ.");
    }

    private static Decision VoluntaryRehab(RehabDecided r, CaseView view, Subject s, string commune, string province)
    {
        var law120 = r.Regime == LegalRegime.Law120;
        var term = $"{r.TermMonths} tháng" + (view.StartsOn is { } start ? $", kể từ ngày {Format.Date(start)} đến hết ngày {Format.Date(view.EndsOn)}" : ", tính từ ngày lập biên bản tiếp nhận");
        return new Decision(law120 ? "CÔNG AN " + commune.ToUpperInvariant() : "ỦY BAN NHÂN DÂN " + commune.ToUpperInvariant(), law120 ? "CÔNG AN " + province.ToUpperInvariant() : province.ToUpperInvariant(),
            r.DecisionNumber ?? "……", commune, Deadlines.LegalTime.DayOf(r.DecidedAt), "QUYẾT ĐỊNH", "Về việc cai nghiện ma túy tự nguyện", law120 ? "TRƯỞNG CÔNG AN" : "CHỦ TỊCH",
            law120
                ? ["Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15;", "Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ;", "Xét hồ sơ đăng ký cai nghiện ma túy tự nguyện."]
                : ["Căn cứ Luật Phòng, chống ma túy số 73/2021/QH14;", "Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ;", "Xét hồ sơ đăng ký cai nghiện ma túy tự nguyện."],
            [
                "Điều 1. Cho người có tên dưới đây được cai nghiện ma túy tự nguyện theo hình thức: " + RehabForms.DisplayName(r.Form).Replace("Cai nghiện tự nguyện ", "", StringComparison.Ordinal) + (r.FacilityName is { } f ? " (" + f + ")" : "") + ":\n" +
                    string.Join("\n", SubjectLines(s)) + $"\nLần cai nghiện thứ: {r.Sequence}. Thời hạn cai nghiện: {term}.",
                "Điều 2. Người cai nghiện phải bắt đầu cai nghiện trong thời hạn 02 ngày làm việc kể từ ngày quyết định và thực hiện đầy đủ quy trình cai nghiện; người cai nghiện, gia đình và cơ sở, tổ chức cung cấp dịch vụ chịu trách nhiệm thi hành Quyết định này.",
                "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
            ],
            "- Như Điều 2;\n- UBND cấp xã;\n- Lưu: hồ sơ.");
    }

    private static Decision PostRehab(PostRehabDecided p, CaseView view, Subject s, string commune, string province) =>
        new("ỦY BAN NHÂN DÂN " + commune.ToUpperInvariant(), province.ToUpperInvariant(), p.DecisionNumber ?? "……", commune, Deadlines.LegalTime.DayOf(p.DecidedAt),
            "QUYẾT ĐỊNH", "Về việc quản lý sau cai nghiện ma túy", "CHỦ TỊCH",
            p.Regime == LegalRegime.Law120
                ? ["Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15;", "Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ;", "Xét đề nghị của Trưởng Công an cấp xã."]
                : ["Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Phòng, chống ma túy số 73/2021/QH14;", "Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ;", "Xét đề nghị của Trưởng Công an cấp xã."],
            [
                "Điều 1. Quản lý sau cai nghiện ma túy đối với:\n" + string.Join("\n", SubjectLines(s)) +
                    $"\nThời hạn quản lý: {p.TermYears:00} năm, kể từ ngày {Format.Date(view.StartsOn)} đến hết ngày {Format.Date(view.EndsOn)}.",
                "Điều 2. Giao Công an cấp xã chủ trì, phối hợp với Tổ quản lý hỗ trợ xã hội và người hỗ trợ tổ chức quản lý, tư vấn, hỗ trợ người có tên tại Điều 1 theo quy định.",
                "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Người có tên tại Điều 1, gia đình và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
            ],
            "- Như Điều 3;\n- Công an cấp xã;\n- Lưu: VT.");

    /// <summary>"TRƯỞNG CÔNG AN PHƯỜNG X" (not "TRƯỞNG CÔNG AN CÔNG AN PHƯỜNG X"), "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ Y".</summary>
    public static string AuthorityLine(string signerTitle, string issuer) =>
        signerTitle.EndsWith(" CÔNG AN", StringComparison.Ordinal) && issuer.StartsWith("CÔNG AN ", StringComparison.Ordinal)
            ? signerTitle + issuer["CÔNG AN".Length..]
            : signerTitle + " " + issuer;

    private static byte[] Render(Decision d)
    {
        var body = new Body();
        if (d.Issuer.Length > 0)
        {
            body.Append(DocumentLayout.Header(d.IssuerParent, d.Issuer, d.Number, DateLine(d.Place, d.Date)));
        }
        else
        {
            // A person's own document: the national title and motto, then the place and date on the right.
            body.Append(DocumentLayout.Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, center: true, size: 26, after: 0, keepOnOneLine: true),
                DocumentLayout.Para("Độc lập - Tự do - Hạnh phúc", bold: true, center: true, size: 28, after: 0),
                DocumentLayout.Rule(3450, DocumentLayout.TextWidth),
                DocumentLayout.Para(DateLine(d.Place, d.Date), italic: true, center: true, size: 26, before: 120));
        }

        body.Append(DocumentLayout.Para("", after: 0), DocumentLayout.Para(d.Title, bold: true, center: true, size: 28, after: 0, keepOnOneLine: true),
            DocumentLayout.Para(d.Subject, bold: true, center: true, size: 28), DocumentLayout.Para("", after: 0));
        if (d.Addressee is { } addressee)
            body.Append(DocumentLayout.Para(addressee, center: true, size: 28), DocumentLayout.Para("", after: 0));
        if (d.ShowAuthority)
            body.Append(DocumentLayout.Para(AuthorityLine(d.SignerTitle, d.Issuer), bold: true, center: true, size: 28), DocumentLayout.Para("", after: 0));
        foreach (var basis in d.Bases)
            body.Append(DocumentLayout.Para(basis, italic: true, size: 28, firstLineIndent: 567));
        if (d.Operative is { } operative)
            body.Append(DocumentLayout.Para("", after: 0), DocumentLayout.Para(operative, bold: true, center: true, size: 28));
        for (var i = 0; i < d.Articles.Count; i++)
        {
            foreach (var line in d.Articles[i].Split('\n'))
                body.Append(DocumentLayout.Para(line, size: 28, firstLineIndent: 567));
            // A list under the first article (Form 55: the team's members), its first row the column headings.
            if (i == 0 && d.Table is { Count: > 0 } table)
                body.Append(DocumentLayout.Grid(table, [700, 3000, 3271, 2100]), DocumentLayout.Para("", after: 0));
        }

        body.Append(DocumentLayout.Para(""));
        body.Append(DocumentLayout.Signature(d.Recipients, d.SignerTitle, d.SignatureNote));
        return DocumentLayout.Save(body);
    }
}
