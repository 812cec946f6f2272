namespace Pcmt.Features.Lifecycle;

/// <summary>
/// Form 55 (legal-rules §12): the commune People's Committee chairperson's decision establishing the Tổ quản lý hỗ trợ xã hội
/// of post-rehab management (NĐ 163/2026 Art 136; Law 120/2025 Art 42), filled from the commune's roster (Features/Community):
/// the members on the decision's date, with their unit and their task in the team, in a table under Article 1.
/// </summary>
public sealed partial class DecisionDocuments
{
    /// <summary>A member as printed: name, unit (or what they represent), task in the team (Tổ trưởng, Tổ phó, Thành viên).</summary>
    public sealed record TeamMemberLine(string FullName, string Unit, string Task);

    public static byte[] SocialSupportTeamDecision(string commune, string province, string? number, DateOnly on, IReadOnlyList<TeamMemberLine> members)
    {
        var law120 = LegalRegime.ForDecision(on) == LegalRegime.Law120;
        var inCommune = DocumentLayout.MidSentence(commune);
        var content = new Decision("ỦY BAN NHÂN DÂN " + commune.ToUpperInvariant(), province.ToUpperInvariant(), number ?? "……", commune, on,
            "QUYẾT ĐỊNH", "Về việc thành lập Tổ quản lý hỗ trợ xã hội", "CHỦ TỊCH",
            law120
                ? ["Căn cứ Luật Tổ chức chính quyền địa phương;", Law120Basis + " (Điều 42);", Law120Decree("Điều 136"), "Xét đề nghị của Trưởng Công an " + inCommune + "."]
                : ["Căn cứ Luật Tổ chức chính quyền địa phương;", Law73Basis + " (Điều 40);", Decree116, "Xét đề nghị của Trưởng Công an " + inCommune + "."],
            [
                "Điều 1. Thành lập Tổ quản lý hỗ trợ xã hội " + inCommune + " để quản lý, hỗ trợ người sau cai nghiện ma túy trên địa bàn, gồm các ông, bà có tên sau:",
                "Điều 2. Tổ quản lý hỗ trợ xã hội do Tổ trưởng là cán bộ Công an " + inCommune + " phụ trách, có nhiệm vụ phối hợp với Công an " + inCommune +
                    " quản lý, tư vấn, hỗ trợ người bị quản lý sau cai nghiện ma túy" + (law120 ? " theo quy định tại Điều 136 Nghị định số 163/2026/NĐ-CP" : "") +
                    "; Tổ trưởng phân công nhiệm vụ cụ thể cho các thành viên.",
                "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Trưởng Công an " + inCommune + ", các ông, bà có tên tại Điều 1 và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
            ],
            "- Như Điều 3;\n- Công an cấp xã;\n- Lưu: VT.",
            Table: [["STT", "Họ và tên", "Đơn vị, tổ chức", "Nhiệm vụ trong Tổ"], .. members.Select((m, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), m.FullName, m.Unit, m.Task })]);
        // Under Law 73 (before 01/07/2026) the form of NĐ 116/2021, whose number was not verified here (legal-rules §12): said so, not invented.
        var footer = law120
            ? "Mẫu số 55 — Phụ lục Nghị định số 163/2026/NĐ-CP"
            : "Mẫu theo Nghị định số 116/2021/NĐ-CP (số hiệu mẫu chưa được xác minh; nội dung tương ứng Mẫu số 55 Nghị định số 163/2026/NĐ-CP)";
        return WithFooter(Render(content), footer);
    }
}
