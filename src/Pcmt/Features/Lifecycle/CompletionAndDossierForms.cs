using Format = Pcmt.Infrastructure.Web.Format;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// The rest of legal-rules §12 this system issues (issue 16), with the same generator as the decisions: completion certificates
/// (28 home/community rehab, 27 private and 30 public facility voluntary rehab, 50 compulsory rehab, 56 post-rehab), the supporter's notice (51), the proposal of post-rehab
/// management (52), the compulsory-dossier notice and court referral (among Forms 34–41, numbers unverified) and the referral
/// for addiction determination (number unverified). A form whose number legal-rules §12 leaves uncertain says so in its footer.
/// </summary>
public sealed partial class DecisionDocuments
{
    public const string DossierNotice = "thong-bao-ho-so";
    public const string CourtReferral = "de-nghi-toa-an";
    public const string DeterminationReferral = "de-nghi-xac-dinh-nghien";

    /// <summary>Computed (not a stored field) so that <see cref="MoreForms"/> can include it whatever the partial files' initialisation order.</summary>
    private static IReadOnlyList<string> CompletionAndDossierForms => ["27", "28", "30", "50", "51", "52", "56", DossierNotice, CourtReferral, DeterminationReferral];

    /// <summary>Public facilities and compulsory rehab moved from the labour sector to the police on 01/03/2025 (NĐ 02/2025/NĐ-CP; legal-rules §0.2), and with them the commune police chief prepares compulsory dossiers (TTLT 03/2025).</summary>
    private static readonly DateOnly PoliceTakeOver = new(2025, 3, 1);

    /// <summary>The name of a form on the person page and in the audit trail.</summary>
    public static string FormLabel(string form) => form switch
    {
        DossierNotice => "Thông báo lập hồ sơ cai nghiện bắt buộc",
        CourtReferral => "Văn bản đề nghị Tòa án",
        DeterminationReferral => "Giấy đề nghị xác định tình trạng nghiện",
        _ => "Mẫu " + form,
    };

    /// <summary>The footer of a document whose official form number is not known (legal-rules §12: "34–41 compulsory dossier documents", no number for the referral).</summary>
    private static string? UnverifiedFooter(string form) => form switch
    {
        DossierNotice or CourtReferral => "Văn bản thuộc hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc (nhóm Mẫu số 34–41 Phụ lục Nghị định số 163/2026/NĐ-CP); số hiệu mẫu cụ thể chưa được xác minh",
        DeterminationReferral => "Giấy đề nghị xác định tình trạng nghiện ma túy; số hiệu mẫu chưa được xác minh",
        // legal-rules §12 lists 27 as "provider completion certificate" and §4.4.1 places it beside the commune's Form 28: which
        // provider's certificate it is (home/community service or private facility) is not settled, so the number is not asserted.
        "27" => "Giấy chứng nhận hoàn thành cai nghiện ma túy tự nguyện do cơ sở cai nghiện cấp (tương ứng Mẫu số 27 Phụ lục Nghị định số 163/2026/NĐ-CP; số hiệu mẫu chưa được xác minh)",
        _ => null,
    };

    private static RehabDecided? EpisodeOf(Guid episodeId, IReadOnlyList<CaseRecord> records) =>
        records.FirstOrDefault(r => r.Id == episodeId && !r.Voided)?.Event as RehabDecided;

    private static (string Kind, Func<CaseRecord, IReadOnlyList<CaseRecord>, bool> Fits)? OtherSource(string form) => form switch
    {
        "28" => (CaseEventKinds.RehabEnd, (r, all) => r.Event is RehabEnded { Reason: "completed" } e && EpisodeOf(e.EpisodeId, all) is { Form: RehabForms.HomeCommunity }),
        "27" => (CaseEventKinds.RehabEnd, (r, all) => r.Event is RehabEnded { Reason: "completed" } e && EpisodeOf(e.EpisodeId, all) is { Form: RehabForms.PrivateFacility }),
        "30" => (CaseEventKinds.RehabEnd, (r, all) => r.Event is RehabEnded { Reason: "completed" } e && EpisodeOf(e.EpisodeId, all) is { Form: RehabForms.PublicFacility, Compulsory: false }),
        "50" => (CaseEventKinds.RehabEnd, (r, all) => r.Event is RehabEnded { Reason: "completed" } e && EpisodeOf(e.EpisodeId, all) is { Compulsory: true }),
        // Once started (in the decision itself, or by a later reception record): the term and its end are known.
        "51" => (CaseEventKinds.RehabEpisode, (r, all) => r.Event is RehabDecided { Form: RehabForms.HomeCommunity } decided
            && (decided.StartedOn is not null || all.Any(x => !x.Voided && x.Event is RehabStarted started && started.EpisodeId == r.Id))),
        // Completed rehab, or completed substitution therapy (post-rehab management of 01 year, Law 120/2025 Art 42.1).
        "52" => (CaseEventKinds.RehabEnd + "|" + CaseEventKinds.TherapyEnd, (r, _) => r.Event is RehabEnded { Reason: "completed" } or TherapyEnded { Reason: "completed" }),
        "56" => (CaseEventKinds.PostRehabEnd, (r, _) => r.Event is PostRehabEnded { Reason: "completed" }),
        DossierNotice => (CaseEventKinds.DossierStep, (r, _) => r.Event is DossierStepTaken { Step: "notified" }),
        CourtReferral => (CaseEventKinds.DossierStep, (r, _) => r.Event is DossierStepTaken { Step: "sent-to-court" }),
        DeterminationReferral => (CaseEventKinds.DrugTest, (r, _) => r.Event is DrugTestRecorded { Positive: true }),
        _ => null,
    };

    private static string Law120Decree(string articles) => "Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ quy định chi tiết một số điều của Luật Phòng, chống ma túy (" + articles + ");";

    private const string Law120Basis = "Căn cứ Luật Phòng, chống ma túy số 120/2025/QH15";

    private const string Law73Basis = "Căn cứ Luật Phòng, chống ma túy số 73/2021/QH14";

    private const string Decree116 = "Căn cứ Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ;";

    private static int AgeOn(Subject s, DateOnly day) =>
        s.Birth.Date is { } born ? day.Year - born.Year - (day < born.AddYears(day.Year - born.Year) ? 1 : 0) : day.Year - s.Birth.Year;

    /// <summary>Null when the document belongs to the regime before the police took over (a dossier step before 01/03/2025).</summary>
    private static Decision? OtherForm(string form, CaseRecord record, IReadOnlyList<CaseRecord> records, CaseFileResult file, Subject s, string commune, string province,
        Dictionary<Guid, string> facilities)
    {
        var subject = string.Join("\n", SubjectLines(s));
        var inCommune = DocumentLayout.MidSentence(commune);
        switch (form)
        {
            case "28" when record.Event is RehabEnded ended && EpisodeOf(ended.EpisodeId, records) is { } episode:
                {
                    // Law 120 Art 32, NĐ 163 Art 93: the commune police chief certifies; under Law 73 the commune chairperson ran home rehab [I].
                    var law120 = episode.Regime == LegalRegime.Law120;
                    var started = file.Cases.FirstOrDefault(c => c.Id == ended.EpisodeId)?.StartsOn;
                    return new Decision(Issuer(law120, commune), IssuerParent(law120, province), "……", commune, ended.EndedOn,
                        "GIẤY XÁC NHẬN", "Hoàn thành cai nghiện ma túy tự nguyện tại gia đình, cộng đồng", law120 ? "TRƯỞNG CÔNG AN" : "CHỦ TỊCH",
                        law120
                            ? [Law120Basis + " (Điều 32);", Law120Decree("Điều 93"), "Căn cứ Quyết định cai nghiện ma túy tự nguyện số " + (episode.DecisionNumber ?? "……") + "."]
                            : [Law73Basis + ";", Decree116, "Căn cứ Quyết định cai nghiện ma túy tự nguyện số " + (episode.DecisionNumber ?? "……") + "."],
                        [$"Người có tên dưới đây:\n{subject}\nđã hoàn thành cai nghiện ma túy tự nguyện tại gia đình, cộng đồng, thời gian cai nghiện từ ngày {Format.Date(started)} đến ngày {Format.Date(ended.EndedOn)}."],
                        "- Người được xác nhận;\n- Chủ tịch UBND cấp xã (để quyết định quản lý sau cai nghiện);\n- Lưu: hồ sơ.", Operative: "XÁC NHẬN:");
                }

            case "27" or "30" when record.Event is RehabEnded ended && EpisodeOf(ended.EpisodeId, records) is { } episode:
                {
                    // Voluntary rehab completed at a facility: its director certifies and sends a copy to the commune police within
                    // 24 h (Law 120/2025 Art 33 private, Art 34 public; NĐ 163/2026 Art 95–97, completion Form 30; legal-rules §4.4.2–4.4.3).
                    // A public facility belongs to the provincial police from 01/03/2025 (NĐ 02/2025), to the labour department before;
                    // a private facility has no superior authority to print.
                    var law120 = episode.Regime == LegalRegime.Law120;
                    var facilityName = episode.FacilityName ?? (episode.FacilityId is { } id && facilities.TryGetValue(id, out var name) ? name : "Cơ sở cai nghiện ma túy ……");
                    var parent = form == "27" ? "" : ended.EndedOn >= PoliceTakeOver ? "CÔNG AN " + province.ToUpperInvariant() : "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI " + province.ToUpperInvariant();
                    var started = file.Cases.FirstOrDefault(c => c.Id == ended.EpisodeId)?.StartsOn;
                    var basis = (form == "27" ? "Căn cứ văn bản tiếp nhận cai nghiện ma túy tự nguyện số " : "Căn cứ Quyết định cai nghiện ma túy tự nguyện số ") + (episode.DecisionNumber ?? "……") + ".";
                    return new Decision(facilityName.ToUpperInvariant(), parent, "……", province, ended.EndedOn,
                        "GIẤY CHỨNG NHẬN", "Hoàn thành cai nghiện ma túy tự nguyện tại cơ sở cai nghiện ma túy", "GIÁM ĐỐC",
                        law120
                            ? [Law120Basis + (form == "27" ? " (Điều 33);" : " (Điều 34);"), (form == "27" ? "Căn cứ Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ quy định chi tiết một số điều của Luật Phòng, chống ma túy;" : Law120Decree("Điều 95–97")), basis]
                            : [Law73Basis + ";", Decree116, basis],
                        [$"Người có tên dưới đây:\n{subject}\nđã hoàn thành cai nghiện ma túy tự nguyện tại {facilityName}, thời gian cai nghiện từ ngày {Format.Date(started)} đến ngày {Format.Date(ended.EndedOn)}."],
                        "- Người được chứng nhận;\n- Công an " + inCommune + " (trong 24 giờ);\n- Lưu: hồ sơ.", Operative: "CHỨNG NHẬN:");
                }

            case "50" when record.Event is RehabEnded ended && EpisodeOf(ended.EpisodeId, records) is { } episode:
                {
                    // The director of the compulsory rehab facility certifies completion (legal-rules §4.6, NĐ 163 Art 112–125); the
                    // facility belongs to the provincial police from 01/03/2025, to the labour department before.
                    var law120 = episode.Regime == LegalRegime.Law120;
                    var facilityName = episode.FacilityName ?? (episode.FacilityId is { } id && facilities.TryGetValue(id, out var name) ? name : "Cơ sở cai nghiện ma túy ……");
                    var facility = facilityName.ToUpperInvariant();
                    var parent = ended.EndedOn >= PoliceTakeOver ? "CÔNG AN " + province.ToUpperInvariant() : "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI " + province.ToUpperInvariant();
                    var started = file.Cases.FirstOrDefault(c => c.Id == ended.EpisodeId)?.StartsOn;
                    return new Decision(facility, parent, "……", province, ended.EndedOn,
                        "GIẤY CHỨNG NHẬN", "Hoàn thành thời gian cai nghiện ma túy bắt buộc", "GIÁM ĐỐC",
                        law120
                            ? [Law120Basis + " (Điều 35, 38);", Law120Decree("Điều 112–125"), "Căn cứ Quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc số " + (episode.DecisionNumber ?? "……") + " của Tòa án nhân dân."]
                            : [Law73Basis + ";", "Căn cứ Luật Xử lý vi phạm hành chính;", Decree116, "Căn cứ Quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc số " + (episode.DecisionNumber ?? "……") + " của Tòa án nhân dân."],
                        [$"Người có tên dưới đây:\n{subject}\nđã chấp hành xong thời gian cai nghiện ma túy bắt buộc tại {facilityName}, từ ngày {Format.Date(started)} đến ngày {Format.Date(ended.EndedOn)}."],
                        "- Người được chứng nhận;\n- Công an cấp xã nơi cư trú;\n- Lưu: hồ sơ.", Operative: "CHỨNG NHẬN:");
                }

            case "51" when record.Event is RehabDecided decided:
                {
                    // The supporter's notice to the commune police (Law 120) or the commune People's Committee (Law 73, [I]) 30 days before the end.
                    var law120 = decided.Regime == LegalRegime.Law120;
                    var ends = file.Cases.FirstOrDefault(c => c.Id == record.Id)?.EndsOn;
                    var day = ends?.AddDays(-30) ?? Deadlines.LegalTime.DayOf(decided.DecidedAt);
                    return new Decision("", "", "", commune, day,
                        "THÔNG BÁO", "Về việc người cai nghiện ma túy tự nguyện tại gia đình, cộng đồng sắp hết thời hạn cai nghiện", "NGƯỜI HỖ TRỢ",
                        [law120 ? "Thực hiện Nghị định số 163/2026/NĐ-CP ngày 15/05/2026 của Chính phủ (Điều 93)," : "Thực hiện Nghị định số 116/2021/NĐ-CP ngày 21/12/2021 của Chính phủ,"],
                        [$"Tôi là ……………………………, người hỗ trợ cai nghiện ma túy tự nguyện tại gia đình, cộng đồng đối với người có tên dưới đây:\n{subject}\n" +
                            $"cai nghiện theo Quyết định số {decided.DecisionNumber ?? "……"}, thời hạn cai nghiện đến hết ngày {Format.Date(ends)}.\n" +
                            "Tôi thông báo để " + (law120 ? "Công an " : "Ủy ban nhân dân ") + inCommune + " biết và thực hiện việc xác nhận hoàn thành cai nghiện, đề nghị quản lý sau cai nghiện theo quy định."],
                        "- Như trên;\n- Lưu.", Operative: null, Addressee: "Kính gửi: " + (law120 ? "Trưởng Công an " : "Chủ tịch Ủy ban nhân dân ") + inCommune,
                        ShowAuthority: false, SignatureNote: "(Ký, ghi rõ họ tên)");
                }

            case "52" when record.Event is TherapyEnded therapy:
                {
                    // NĐ 163 Art 134: the same proposal after completed substitution therapy; post-rehab management lasts 01 year (Law 120 Art 42.1).
                    var law120 = LegalRegime.ForDecision(therapy.EndedOn) == LegalRegime.Law120;
                    return new Decision(Issuer(true, commune), IssuerParent(true, province), "……", commune, therapy.EndedOn,
                        "ĐỀ NGHỊ", "Về việc quản lý sau cai nghiện ma túy", "TRƯỞNG CÔNG AN",
                        law120 ? [Law120Basis + " (Điều 42);", Law120Decree("Điều 134")] : [Law73Basis + " (Điều 40);", Decree116],
                        [$"Công an {inCommune} đề nghị Chủ tịch Ủy ban nhân dân {inCommune} quyết định quản lý sau cai nghiện ma túy đối với:\n{subject}\n" +
                            $"Lý do: đã hoàn thành điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế ngày {Format.Date(therapy.EndedOn)}. Thời hạn quản lý sau cai nghiện: 01 năm."],
                        "- Như trên;\n- Lưu: hồ sơ.", Operative: null, Addressee: "Kính gửi: Chủ tịch Ủy ban nhân dân " + inCommune, ShowAuthority: false);
                }

            case "52" when record.Event is RehabEnded ended:
                {
                    // NĐ 163 Art 134: the commune police chief proposes within 02 working days, the chairperson decides (Form 53); a
                    // post-rehab decision from 01/07/2026 is made under Law 120 (Art 56). Law 73: the same roles (Art 40) [I].
                    var episode = EpisodeOf(ended.EpisodeId, records);
                    var law120 = LegalRegime.ForDecision(ended.EndedOn) == LegalRegime.Law120;
                    var years = episode is { Compulsory: true } && AgeOn(s, ended.EndedOn) >= 18 ? "02" : "01";
                    var what = episode is { Compulsory: true } ? "cai nghiện ma túy bắt buộc" : "cai nghiện ma túy tự nguyện";
                    return new Decision(Issuer(true, commune), IssuerParent(true, province), "……", commune, ended.EndedOn,
                        "ĐỀ NGHỊ", "Về việc quản lý sau cai nghiện ma túy", "TRƯỞNG CÔNG AN",
                        law120 ? [Law120Basis + " (Điều 42);", Law120Decree("Điều 134")] : [Law73Basis + " (Điều 40);", Decree116],
                        [$"Công an {inCommune} đề nghị Chủ tịch Ủy ban nhân dân {inCommune} quyết định quản lý sau cai nghiện ma túy đối với:\n{subject}\n" +
                            $"Lý do: đã hoàn thành {what} ngày {Format.Date(ended.EndedOn)}. Thời hạn quản lý sau cai nghiện: {years} năm."],
                        "- Như trên;\n- Lưu: hồ sơ.", Operative: null, Addressee: "Kính gửi: Chủ tịch Ủy ban nhân dân " + inCommune, ShowAuthority: false);
                }

            case "56" when record.Event is PostRehabEnded ended:
                {
                    // The commune chairperson who decided post-rehab management certifies its completion (NĐ 163 Art 138) [I: signer].
                    var decision = records.FirstOrDefault(r => r.Id == ended.DecisionId)?.Event as PostRehabDecided;
                    var law120 = (decision?.Regime ?? LegalRegime.ForDecision(ended.EndedOn)) == LegalRegime.Law120;
                    return new Decision("ỦY BAN NHÂN DÂN " + commune.ToUpperInvariant(), province.ToUpperInvariant(), "……", commune, ended.EndedOn,
                        "GIẤY CHỨNG NHẬN", "Hoàn thành thời gian quản lý sau cai nghiện ma túy", "CHỦ TỊCH",
                        law120
                            ? ["Căn cứ Luật Tổ chức chính quyền địa phương;", Law120Basis + " (Điều 42);", Law120Decree("Điều 138"), "Căn cứ Quyết định quản lý sau cai nghiện ma túy số " + (decision?.DecisionNumber ?? "……") + "."]
                            : ["Căn cứ Luật Tổ chức chính quyền địa phương;", Law73Basis + " (Điều 40);", Decree116, "Căn cứ Quyết định quản lý sau cai nghiện ma túy số " + (decision?.DecisionNumber ?? "……") + "."],
                        [$"Người có tên dưới đây:\n{subject}\nđã hoàn thành thời gian quản lý sau cai nghiện ma túy từ ngày {Format.Date(decision?.StartsOn)} đến ngày {Format.Date(ended.EndedOn)}."],
                        "- Người được chứng nhận;\n- Công an cấp xã;\n- Lưu: VT.", Operative: "CHỨNG NHẬN:");
                }

            case DossierNotice or CourtReferral when record.Event is DossierStepTaken step:
                {
                    // The commune police chief prepares, notifies and sends the dossier: Law 120 Art 35, NĐ 163 Art 100–105; before
                    // 01/07/2026 the same under TTLT 03/2025 and Pháp lệnh 08/2025 (legal-rules §0.2). Earlier dossiers: not printed.
                    var day = Deadlines.LegalTime.DayOf(step.StepAt);
                    if (day < PoliceTakeOver)
                        return null;
                    var opened = records.FirstOrDefault(r => r.Id == step.DossierId)?.Event as DossierOpened;
                    // The dossier's regime is that of its detection, as in the file (CaseFile.OnDossierStep).
                    var law120 = LegalRegime.ForDecision(opened is null ? day : Deadlines.LegalTime.DayOf(opened.DetectedAt)) == LegalRegime.Law120;
                    var ground = opened is not null && CaseFile.DossierGrounds.TryGetValue(opened.Ground, out var g) ? g : "……";
                    IReadOnlyList<string> bases = law120
                        ? [Law120Basis + " (Điều 35);", Law120Decree("Điều 100–105")]
                        : [Law73Basis + ";", "Căn cứ Luật Xử lý vi phạm hành chính;", "Căn cứ Thông tư liên tịch số 03/2025/TTLT-BCA-VKSNDTC-TANDTC;"];
                    return form == DossierNotice
                        ? new Decision(Issuer(true, commune), IssuerParent(true, province), "……", commune, day,
                            "THÔNG BÁO", "Về việc lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc", "TRƯỞNG CÔNG AN", bases,
                            [$"Công an {inCommune} đã lập hồ sơ đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với:\n{subject}\nCăn cứ đề nghị: {ground}.\n" +
                                "Người bị đề nghị, cha mẹ hoặc người đại diện hợp pháp được đọc hồ sơ và ghi chép các nội dung cần thiết trong thời hạn " + (law120 ? "03 ngày làm việc" : "theo quy định") + " kể từ ngày nhận được thông báo này."],
                            "- Như trên;\n- Lưu: hồ sơ.", Operative: null, Addressee: "Kính gửi: Ông/Bà " + s.FullName + " và gia đình", ShowAuthority: false)
                        : new Decision(Issuer(true, commune), IssuerParent(true, province), "……", commune, day,
                            "VĂN BẢN ĐỀ NGHỊ", "Xem xét, quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc", "TRƯỞNG CÔNG AN", bases,
                            [$"Công an {inCommune} đề nghị Tòa án nhân dân khu vực xem xét, quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với:\n{subject}\nCăn cứ đề nghị: {ground}.\n" +
                                "Hồ sơ kèm theo: bản tóm tắt lý lịch; tài liệu chứng minh căn cứ đề nghị; kết quả xác định tình trạng nghiện ma túy; ý kiến của người bị đề nghị hoặc người đại diện hợp pháp sau khi đọc hồ sơ."],
                            "- Như trên;\n- Viện kiểm sát nhân dân khu vực;\n- Lưu: hồ sơ.", Operative: null, Addressee: "Kính gửi: Tòa án nhân dân khu vực ……………………", ShowAuthority: false);
                }

            case DeterminationReferral when record.Event is DrugTestRecorded test:
                {
                    // Law 120 Art 31: the commune police chief prepares the dossier and sends it to a qualified health facility; Law 73 Art 27 [I: same sender].
                    var day = Deadlines.LegalTime.DayOf(test.ReceivedAt);
                    var law120 = LegalRegime.ForDecision(day) == LegalRegime.Law120;
                    var substances = test.Substances.Count > 0 ? " (" + string.Join(", ", test.Substances) + ")" : "";
                    return new Decision(Issuer(true, commune), IssuerParent(true, province), "……", commune, day,
                        "GIẤY ĐỀ NGHỊ", "Xác định tình trạng nghiện ma túy", "TRƯỞNG CÔNG AN",
                        law120
                            ? [Law120Basis + " (Điều 31);", "Căn cứ Thông tư số 18/2021/TT-BYT của Bộ trưởng Bộ Y tế quy định tiêu chuẩn chẩn đoán và quy trình chuyên môn để xác định tình trạng nghiện ma túy;"]
                            : [Law73Basis + " (Điều 27);", "Căn cứ Thông tư số 18/2021/TT-BYT của Bộ trưởng Bộ Y tế quy định tiêu chuẩn chẩn đoán và quy trình chuyên môn để xác định tình trạng nghiện ma túy;"],
                        [$"Công an {inCommune} đề nghị xác định tình trạng nghiện ma túy đối với:\n{subject}\nKết quả xét nghiệm chất ma túy trong cơ thể ngày {Format.Date(Deadlines.LegalTime.DayOf(test.TakenAt))}: dương tính{substances}."],
                        "- Như trên;\n- Lưu: hồ sơ.", Operative: null, Addressee: "Kính gửi: Cơ sở y tế đủ điều kiện xác định tình trạng nghiện ma túy ……………………", ShowAuthority: false);
                }

            default:
                return null;
        }
    }
}
