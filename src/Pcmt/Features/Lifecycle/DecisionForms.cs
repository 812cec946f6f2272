using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Persons;
using Format = Pcmt.Infrastructure.Web.Format;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// The other decision forms of NĐ 163/2026 (legal-rules §12) this system issues, rendered by the same generator as Forms 04, 22
/// and 53 (<see cref="DecisionDocuments"/>): 07, 08, 09 (suspend, stop, end user management), 32 (management while the compulsory
/// dossier is prepared), 59 and 60 (assignment of a rehab / post-rehab supporter). Each names the issuing authority of its regime:
/// Law 120/2025 + NĐ 163/2026 for decisions from 01/07/2026, Law 73/2021 with NĐ 105/2021 and 116/2021 before.
/// </summary>
public sealed partial class DecisionDocuments
{
    /// <summary>Form number → the fact it is filled from.</summary>
    public static IReadOnlyList<string> MoreForms { get; } = ["07", "08", "09", "32", "59", "60", .. CompletionAndDossierForms];

    private async Task<Result<(byte[] Content, string FileName)>> CreateMoreAsync(Guid personId, string form, Guid? recordId, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        var (file, records) = await files.ReadAsync(person, cancellationToken);
        var (kind, fits) = SourceOf(form)!.Value;
        var record = records.LastOrDefault(r => KindFits(kind, r.Kind) && !r.Voided && fits(r, records) && (recordId is null || r.Id == recordId));
        if (record is null)
            return new Failure.Invalid("recordId", "Hồ sơ chưa có bản ghi tương ứng để in mẫu " + form + ".");
        var units = await db.AdministrativeUnits.AsNoTracking().Where(u => (u.Code == person.CommuneCode || u.Code == person.ProvinceCode) && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var commune = units.GetValueOrDefault(person.CommuneCode, person.CommuneCode);
        var province = units.GetValueOrDefault(person.ProvinceCode, person.ProvinceCode);
        var subject = new Subject(person.FullName, new BirthDate(person.BirthYear, person.DateOfBirth), person.Sex == Sex.Female ? "Nữ" : "Nam",
            rules.Reveal(person.CitizenIdProtected), string.Join(", ", new[] { person.Current.Address, commune, province }.Where(t => !string.IsNullOrWhiteSpace(t))));
        var facilities = form is "50" or "27" or "30"
            ? await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken)
            : [];
        var content = CompletionAndDossierForms.Contains(form)
            ? OtherForm(form, record, records, file, subject, commune, province, facilities)
            : MoreForm(form, record, records, subject, commune, province);
        if (content is null)
            return new Failure.Invalid("form", "Hồ sơ lập trước ngày 01/03/2025 do Chủ tịch UBND cấp xã và cơ quan lao động - thương binh và xã hội lập theo quy định cũ; hệ thống không in mẫu này.");
        // A certificate the facility issued with its own number (FacilityCertificates) prints with that number here too.
        if (form == FacilityCertificates.Form
            && await db.Set<FacilityCertificate>().AsNoTracking().Where(c => c.RecordId == record.Id && c.VoidedAt == null && c.Number != null).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken) is { } issuedNumber)
            content = content with { Number = issuedNumber };
        await audit.RecordReadAsync(nameof(CaseRecord), record.Id.ToString(), person.Id, FormLabel(form) + " (docx)", "tải quyết định", cancellationToken);
        return (WithFooter(Render(content), FooterOf(form, content)), $"mau-{form}-{person.FileCode}.docx");
    }

    /// <summary>Under Law 73 the forms are those of NĐ 105/2021 and 116/2021, whose numbers were not verified here (legal-rules §12): said so, not invented.</summary>
    private static string FooterOf(string form, Decision content) =>
        UnverifiedFooter(form) ?? (content.Bases.Any(b => b.Contains("120/2025", StringComparison.Ordinal) || b.Contains("163/2026", StringComparison.Ordinal))
            ? "Mẫu số " + form + " — Phụ lục Nghị định số 163/2026/NĐ-CP"
            : "Mẫu theo Nghị định số 105/2021/NĐ-CP hoặc 116/2021/NĐ-CP (số hiệu mẫu chưa được xác minh; nội dung tương ứng Mẫu số " + form + " Nghị định số 163/2026/NĐ-CP)");

    /// <summary>
    /// Form 50 for a completion the facility has just recorded (<see cref="FacilityCertificates"/>), from the person and the records
    /// read before it was appended: once the stay has ended the facility's staff no longer see the person. Not audited here (the caller is).
    /// </summary>
    internal async Task<byte[]> CompletionCertificateAsync(Person person, IReadOnlyList<CaseRecord> before, CaseRecord completion, CaseFileResult file, string? number, CancellationToken cancellationToken)
    {
        var units = await db.AdministrativeUnits.AsNoTracking().Where(u => (u.Code == person.CommuneCode || u.Code == person.ProvinceCode) && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var commune = units.GetValueOrDefault(person.CommuneCode, person.CommuneCode);
        var province = units.GetValueOrDefault(person.ProvinceCode, person.ProvinceCode);
        var subject = new Subject(person.FullName, new BirthDate(person.BirthYear, person.DateOfBirth), person.Sex == Sex.Female ? "Nữ" : "Nam",
            rules.Reveal(person.CitizenIdProtected), string.Join(", ", new[] { person.Current.Address, commune, province }.Where(t => !string.IsNullOrWhiteSpace(t))));
        var facilityId = (EpisodeOf(((RehabEnded)completion.Event).EpisodeId, before)?.FacilityId) ?? Guid.Empty;
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.Id == facilityId).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var content = OtherForm(FacilityCertificates.Form, completion, [.. before, completion], file, subject, commune, province, facilities)
            ?? throw new InvalidOperationException("Form 50 needs a completed compulsory stay (checked by the caller).");
        if (number is not null)
            content = content with { Number = number };
        return WithFooter(Render(content), FooterOf(FacilityCertificates.Form, content));
    }

    /// <summary>The forms a recorded fact prints as (for the links beside it on the person page).</summary>
    public static IEnumerable<string> FormsFor(CaseRecord record, IReadOnlyList<CaseRecord> records) =>
        record.Voided ? [] : MoreForms.Where(f => SourceOf(f) is { } source && KindFits(source.Kind, record.Kind) && source.Fits(record, records));

    /// <summary>A form filled from facts of several kinds names them separated by '|' (Form 52: the end of rehab or of therapy).</summary>
    private static bool KindFits(string kinds, string kind) => kinds == kind || kinds.Split('|').Contains(kind);

    private static (string Kind, Func<CaseRecord, IReadOnlyList<CaseRecord>, bool> Fits)? SourceOf(string form) => form switch
    {
        "07" => (CaseEventKinds.ManagementChange, (r, _) => r.Event is ManagementChanged { Action: "suspend" }),
        "08" => (CaseEventKinds.ManagementChange, (r, _) => r.Event is ManagementChanged { Action: "stop" }),
        "09" => (CaseEventKinds.ManagementChange, (r, _) => r.Event is ManagementChanged { Action: "end" }),
        "32" => (CaseEventKinds.DossierOpening, (_, _) => true),
        "59" => (CaseEventKinds.RehabEpisode, (r, _) => r.Event is RehabDecided { Compulsory: false }),
        "60" => (CaseEventKinds.PostRehabDecision, (_, _) => true),
        _ => OtherSource(form),
    };

    private static Decision? MoreForm(string form, CaseRecord record, IReadOnlyList<CaseRecord> records, Subject s, string commune, string province)
    {
        switch (record.Event)
        {
            case ManagementChanged change:
                {
                    // The regime and the authority are those of the management decision being changed (NĐ 163 Art 63; Law 73 Art 23).
                    var decision = records.FirstOrDefault(r => r.Id == change.DecisionId)?.Event as ManagementDecided;
                    var law120 = (decision?.Regime ?? LegalRegime.ForDecision(change.On)) == LegalRegime.Law120;
                    var (what, article) = form switch
                    {
                        "07" => ("tạm đình chỉ việc quản lý", $"Tạm đình chỉ việc quản lý người sử dụng trái phép chất ma túy từ ngày {Format.Date(change.On)}" + (change.Until is { } u ? $" đến hết ngày {Format.Date(u)}" : "") + "."),
                        "08" => ("chấm dứt việc quản lý", $"Chấm dứt việc quản lý người sử dụng trái phép chất ma túy kể từ ngày {Format.Date(change.On)}."),
                        _ => ("kết thúc việc quản lý", $"Kết thúc việc quản lý người sử dụng trái phép chất ma túy kể từ ngày {Format.Date(change.On)} do hết thời hạn quản lý."),
                    };
                    return new Decision(Issuer(law120, commune), IssuerParent(law120, province), change.DecisionNumber ?? "……", commune, change.On,
                        "QUYẾT ĐỊNH", "Về việc " + what + " người sử dụng trái phép chất ma túy", law120 ? "TRƯỞNG CÔNG AN" : "CHỦ TỊCH",
                        law120
                            ? ["Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15;", "Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ;", "Căn cứ Quyết định quản lý số " + (decision?.DecisionNumber ?? "……") + ";" + (change.Reason is { } r1 ? " Lý do: " + r1 + "." : "")]
                            : ["Căn cứ Luật Phòng, chống ma túy số 73/2021/QH14;", "Căn cứ Nghị định số 105/2021/NĐ-CP ngày 04/12/2021 của Chính phủ;", "Căn cứ Quyết định quản lý số " + (decision?.DecisionNumber ?? "……") + ";" + (change.Reason is { } r2 ? " Lý do: " + r2 + "." : "")],
                        [
                            "Điều 1. " + article + "\n" + string.Join("\n", SubjectLines(s)),
                        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Người có tên tại Điều 1, gia đình và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
                        ],
                        "- Như Điều 2;\n- UBND cấp xã;\n- Lưu: hồ sơ.");
                }

            case DossierOpened dossier:
                {
                    // Law 120 Art 37, NĐ 163 Art 98–99: the commune police chief; Law 73 Art 34 with NĐ 116/2021: the commune chairperson.
                    var day = Deadlines.LegalTime.DayOf(dossier.DetectedAt);
                    var law120 = LegalRegime.ForDecision(day) == LegalRegime.Law120;
                    return new Decision(Issuer(law120, commune), IssuerParent(law120, province), "……", commune, day,
                        "QUYẾT ĐỊNH", "Về việc quản lý người nghiện ma túy trong thời gian lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc", law120 ? "TRƯỞNG CÔNG AN" : "CHỦ TỊCH",
                        law120
                            ? ["Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15 (Điều 37);", "Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ (Điều 98, 99);", "Xét trường hợp phải lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc."]
                            : ["Căn cứ Luật Phòng, chống ma túy số 73/2021/QH14;", "Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ;", "Xét trường hợp phải lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc."],
                        [
                            "Điều 1. Quản lý người có tên dưới đây trong thời gian lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc:\n" + string.Join("\n", SubjectLines(s)),
                        "Điều 2. Thời gian quản lý được tính vào thời hạn cai nghiện bắt buộc.",
                        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Người có tên tại Điều 1 và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
                        ],
                        "- Như Điều 3;\n- UBND cấp xã;\n- Lưu: hồ sơ.");
                }

            case RehabDecided or PostRehabDecided:
                {
                    // NĐ 163 Art 130 (rehab supporter, Form 59) and Art 136 (post-rehab supporter, Form 60): the commune chairperson.
                    var (regime, at, stage) = record.Event is RehabDecided r ? (r.Regime, r.DecidedAt, "cai nghiện ma túy tự nguyện tại gia đình, cộng đồng") : (((PostRehabDecided)record.Event).Regime, ((PostRehabDecided)record.Event).DecidedAt, "quản lý sau cai nghiện ma túy");
                    var law120 = regime == LegalRegime.Law120;
                    return new Decision("ỦY BAN NHÂN DÂN " + commune.ToUpperInvariant(), province.ToUpperInvariant(), "……", commune, Deadlines.LegalTime.DayOf(at),
                        "QUYẾT ĐỊNH", "Về việc phân công người hỗ trợ " + stage, "CHỦ TỊCH",
                        law120
                            ? ["Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15;", "Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ (Điều " + (form == "59" ? "130" : "136") + ");", "Xét đề nghị của Trưởng Công an cấp xã."]
                            : ["Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Phòng, chống ma túy số 73/2021/QH14;", "Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ;", "Xét đề nghị của Trưởng Công an cấp xã."],
                        [
                            "Điều 1. Phân công Ông/Bà ………………………… làm người hỗ trợ " + stage + " đối với:\n" + string.Join("\n", SubjectLines(s)),
                        "Điều 2. Người hỗ trợ có trách nhiệm theo dõi, động viên, giúp đỡ người có tên tại Điều 1 và phối hợp với Công an cấp xã trong quá trình " + stage + ".",
                        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Người có tên tại Điều 1, người hỗ trợ và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
                        ],
                        "- Như Điều 3;\n- Công an cấp xã;\n- Lưu: VT.");
                }

            default:
                return null;
        }
    }

    private static string Issuer(bool law120, string commune) => law120 ? "CÔNG AN " + commune.ToUpperInvariant() : "ỦY BAN NHÂN DÂN " + commune.ToUpperInvariant();

    private static string IssuerParent(bool law120, string province) => law120 ? "CÔNG AN " + province.ToUpperInvariant() : province.ToUpperInvariant();

    /// <summary>The form number in the page footer (Nghị định 163/2026 appendix numbering, legal-rules §12).</summary>
    private static byte[] WithFooter(byte[] docx, string text)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        stream.Position = 0;
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var main = document.MainDocumentPart!;
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new Run(new RunProperties(new Italic(), new FontSize { Val = "20" }), new Text(text))));
            var id = main.GetIdOfPart(footer);
            var section = main.Document!.Body!.Elements<SectionProperties>().Last();
            section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = id });
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
