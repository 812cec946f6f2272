using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Persons;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// Forms 59 and 60 (legal-rules §12) filled from a supporter assignment (Features/Community): the same decision as
/// <see cref="MoreForms"/> prints from the rehab / post-rehab fact, but with the supporter named in Article 1.
/// NĐ 163/2026 Art 130 (rehab at home / in the community, Form 59) and Art 136 (post-rehab, Form 60): the commune chairperson decides.
/// </summary>
public sealed partial class DecisionDocuments
{
    public async Task<Result<(byte[] Content, string FileName)>> CreateSupporterAssignmentAsync(Guid personId, string form, string supporterName, string? supporterUnit,
        string? decisionNumber, DateOnly decidedOn, Guid assignmentId, CancellationToken cancellationToken)
    {
        if (form is not ("59" or "60"))
            return new Failure.Invalid("form", "Chỉ có Mẫu 59 (cai nghiện tại gia đình, cộng đồng) và Mẫu 60 (quản lý sau cai nghiện) phân công người hỗ trợ.");
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        var units = await db.AdministrativeUnits.AsNoTracking().Where(u => (u.Code == person.CommuneCode || u.Code == person.ProvinceCode) && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var commune = units.GetValueOrDefault(person.CommuneCode, person.CommuneCode);
        var province = units.GetValueOrDefault(person.ProvinceCode, person.ProvinceCode);
        var subject = new Subject(person.FullName, new BirthDate(person.BirthYear, person.DateOfBirth), person.Sex == Sex.Female ? "Nữ" : "Nam",
            rules.Reveal(person.CitizenIdProtected), string.Join(", ", new[] { person.Current.Address, commune, province }.Where(t => !string.IsNullOrWhiteSpace(t))));
        var stage = form == "59" ? "cai nghiện ma túy tự nguyện tại gia đình, cộng đồng" : "quản lý sau cai nghiện ma túy";
        var law120 = LegalRegime.ForDecision(decidedOn) == LegalRegime.Law120;
        var supporter = supporterName + (string.IsNullOrWhiteSpace(supporterUnit) ? "" : " (" + supporterUnit + ")");
        var content = new Decision("ỦY BAN NHÂN DÂN " + commune.ToUpperInvariant(), province.ToUpperInvariant(), decisionNumber ?? "……", commune, decidedOn,
            "QUYẾT ĐỊNH", "Về việc phân công người hỗ trợ " + stage, "CHỦ TỊCH",
            law120
                ? ["Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15;", "Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ (Điều " + (form == "59" ? "130" : "136") + ");", "Xét đề nghị của Trưởng Công an cấp xã."]
                : ["Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Luật Phòng, chống ma túy số 73/2021/QH14;", "Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ;", "Xét đề nghị của Trưởng Công an cấp xã."],
            [
                "Điều 1. Phân công Ông/Bà " + supporter + " làm người hỗ trợ " + stage + " đối với:\n" + string.Join("\n", SubjectLines(subject)),
                "Điều 2. Người hỗ trợ có trách nhiệm theo dõi, động viên, giúp đỡ người có tên tại Điều 1 và phối hợp với Công an cấp xã trong quá trình " + stage + ".",
                "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Người có tên tại Điều 1, người hỗ trợ và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
            ],
            "- Như Điều 3;\n- Công an cấp xã;\n- Lưu: VT.");
        await audit.RecordReadAsync("SupporterAssignment", assignmentId.ToString(), person.Id, "Mẫu " + form + " (docx)", "tải quyết định", cancellationToken);
        var footer = law120
            ? "Mẫu số " + form + " — Phụ lục Nghị định số 163/2026/NĐ-CP"
            : "Mẫu theo Nghị định số 116/2021/NĐ-CP (số hiệu mẫu chưa được xác minh; nội dung tương ứng Mẫu số " + form + " Nghị định số 163/2026/NĐ-CP)";
        return (WithFooter(Render(content), footer), $"mau-{form}-{person.FileCode}.docx");
    }
}
