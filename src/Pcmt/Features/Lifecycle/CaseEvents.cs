using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// One fact of a person's legal file (a test, a decision, a step). The file is the ordered list of these facts; the person's
/// status, deadlines (work items) and list memberships are derived from it by <see cref="CaseFile"/>, never typed in.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(DrugTestRecorded), CaseEventKinds.DrugTest)]
[JsonDerivedType(typeof(ManagementDecided), CaseEventKinds.ManagementDecision)]
[JsonDerivedType(typeof(ManagementChanged), CaseEventKinds.ManagementChange)]
[JsonDerivedType(typeof(AddictionDetermined), CaseEventKinds.AddictionDetermination)]
[JsonDerivedType(typeof(RehabRegistered), CaseEventKinds.RehabRegistration)]
[JsonDerivedType(typeof(RehabDecided), CaseEventKinds.RehabEpisode)]
[JsonDerivedType(typeof(RehabStarted), CaseEventKinds.RehabStart)]
[JsonDerivedType(typeof(RehabEnded), CaseEventKinds.RehabEnd)]
[JsonDerivedType(typeof(RehabStageChanged), CaseEventKinds.RehabStage)]
[JsonDerivedType(typeof(TherapyAdmitted), CaseEventKinds.TherapyAdmission)]
[JsonDerivedType(typeof(TherapyPhaseChanged), CaseEventKinds.TherapyPhase)]
[JsonDerivedType(typeof(TherapyEnded), CaseEventKinds.TherapyEnd)]
[JsonDerivedType(typeof(DossierOpened), CaseEventKinds.DossierOpening)]
[JsonDerivedType(typeof(DossierStepTaken), CaseEventKinds.DossierStep)]
[JsonDerivedType(typeof(PostRehabDecided), CaseEventKinds.PostRehabDecision)]
[JsonDerivedType(typeof(PostRehabEnded), CaseEventKinds.PostRehabEnd)]
[JsonDerivedType(typeof(SupervisionDecided), CaseEventKinds.SupervisionDecision)]
[JsonDerivedType(typeof(SupervisionFitted), CaseEventKinds.SupervisionFitting)]
[JsonDerivedType(typeof(ViolationRecorded), CaseEventKinds.Violation)]
public abstract record CaseEvent
{
    /// <summary>When the fact happened (instants in UTC; date-only facts at 00:00 Vietnam time of their day).</summary>
    [JsonIgnore]
    public abstract DateTimeOffset At { get; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CaseEvent FromJson(string json) => JsonSerializer.Deserialize<CaseEvent>(json, Json)!;

    /// <summary>The stored kind of a fact: its JSON discriminator.</summary>
    public static string KindOf(CaseEvent fact) =>
        ((JsonDerivedTypeAttribute)Attribute.GetCustomAttributes(typeof(CaseEvent), typeof(JsonDerivedTypeAttribute))
            .Single(a => ((JsonDerivedTypeAttribute)a).DerivedType == fact.GetType())).TypeDiscriminator!.ToString()!;

    protected static DateTimeOffset StartOf(DateOnly day) => Deadlines.LegalTime.EndOf(day.AddDays(-1));
}

public static class CaseEventKinds
{
    public const string DrugTest = "drug-test";
    public const string ManagementDecision = "management-decision";
    public const string ManagementChange = "management-change";
    public const string AddictionDetermination = "addiction-determination";
    public const string RehabRegistration = "rehab-registration";
    public const string RehabEpisode = "rehab-episode";
    public const string RehabStart = "rehab-start";
    public const string RehabEnd = "rehab-end";
    public const string RehabStage = "rehab-stage";
    public const string TherapyAdmission = "therapy-admission";
    public const string TherapyPhase = "therapy-phase";
    public const string TherapyEnd = "therapy-end";
    public const string DossierOpening = "compulsory-dossier";
    public const string DossierStep = "dossier-step";
    public const string PostRehabDecision = "post-rehab-decision";
    public const string PostRehabEnd = "post-rehab-end";
    public const string SupervisionDecision = "supervision-decision";
    public const string SupervisionFitting = "supervision-fitting";
    public const string Violation = "violation";
}

/// <summary>Xét nghiệm chất ma túy trong cơ thể (Law 120 Art 23; NĐ 163 Art 56; record Form 01).</summary>
public sealed record DrugTestRecorded(DateTimeOffset TakenAt, string SampleType, string Result, IReadOnlyList<string> Substances, DateTimeOffset? ResultReceivedAt, string? PerformedBy) : CaseEvent
{
    public override DateTimeOffset At => TakenAt;

    public bool Positive => Result == "positive";

    /// <summary>The commune police chief's 24 hours run from receiving the result (Law 120 Art 24.4); by default the test moment.</summary>
    public DateTimeOffset ReceivedAt => ResultReceivedAt ?? TakenAt;
}

/// <summary>Quyết định quản lý người sử dụng trái phép chất ma túy (Form 04; Law 120 Art 24; Law 73 Art 23).</summary>
public sealed record ManagementDecided(DateTimeOffset DecidedAt, string DecisionNumber, string Regime, string? OfficerUserName, string? OfficerName, string? Signer) : CaseEvent
{
    public override DateTimeOffset At => DecidedAt;
}

/// <summary>Tạm đình chỉ (Form 07), tiếp tục, chấm dứt (Form 08), kết thúc (Form 09) quản lý, or an unreported absence (NĐ 163 Art 60, 63).</summary>
public sealed record ManagementChanged(Guid DecisionId, string Action, DateOnly On, DateOnly? Until, string? Reason, string? DecisionNumber) : CaseEvent
{
    public override DateTimeOffset At => StartOf(On);
}

/// <summary>Xác định tình trạng nghiện (Law 120 Art 31; criteria TT 18/2021/TT-BYT Art 3).</summary>
public sealed record AddictionDetermined(DateTimeOffset ConcludedAt, IReadOnlyList<int> CriteriaMet, bool CriteriaDurationMet, string Result, string? Facility) : CaseEvent
{
    public override DateTimeOffset At => ConcludedAt;

    public bool Addicted => Result == "addicted";
}

/// <summary>Đăng ký cai nghiện tự nguyện (NĐ 163 Art 89; within 24 h of the addiction notice, Art 4).</summary>
public sealed record RehabRegistered(DateTimeOffset RegisteredAt, string Form) : CaseEvent
{
    public override DateTimeOffset At => RegisteredAt;
}

/// <summary>Quyết định cai nghiện (voluntary: Form 22, NĐ 163 Art 91; compulsory: the regional court, Law 120 Art 35–36).</summary>
public sealed record RehabDecided(string Form, DateTimeOffset DecidedAt, string? DecisionNumber, DateOnly? StartedOn, string Regime, int Sequence, int TermMonths, Guid? FacilityId, string? FacilityName, int DeductedDays) : CaseEvent
{
    public override DateTimeOffset At => DecidedAt;

    public bool Compulsory => Form == RehabForms.Compulsory;
}

/// <summary>Biên bản tiếp nhận (Form 24): the term runs from this day (NĐ 163 Art 92).</summary>
public sealed record RehabStarted(Guid EpisodeId, DateOnly StartedOn) : CaseEvent
{
    public override DateTimeOffset At => StartOf(StartedOn);
}

public sealed record RehabEnded(Guid EpisodeId, DateOnly EndedOn, string Reason) : CaseEvent
{
    public override DateTimeOffset At => StartOf(EndedOn);
}

/// <summary>Điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế (Law 120 Art 31.6, 43; NĐ 90/2016).</summary>
public sealed record TherapyAdmitted(DateTimeOffset AdmittedAt, string? Clinic, Guid? FacilityId) : CaseEvent
{
    public override DateTimeOffset At => AdmittedAt;
}

/// <summary>
/// Giai đoạn cai nghiện: the start of one of the five stages of rehabilitation (Law 120/2025 Art 29; NĐ 163/2026 Art 84–88),
/// recorded by the facility or the provider; the first stage (intake) begins with the reception record (Form 24).
/// </summary>
public sealed record RehabStageChanged(Guid EpisodeId, string Stage, DateOnly On) : CaseEvent
{
    public override DateTimeOffset At => StartOf(On);
}

public sealed record TherapyPhaseChanged(Guid TherapyId, string Phase, DateOnly On) : CaseEvent
{
    public override DateTimeOffset At => StartOf(On);
}

public sealed record TherapyEnded(Guid TherapyId, DateOnly EndedOn, string Reason) : CaseEvent
{
    public override DateTimeOffset At => StartOf(EndedOn);
}

/// <summary>Phát hiện trường hợp phải lập hồ sơ cai nghiện bắt buộc (Law 120 Art 35.1 grounds a–đ; NĐ 163 Art 100).</summary>
public sealed record DossierOpened(DateTimeOffset DetectedAt, string Ground) : CaseEvent
{
    public override DateTimeOffset At => DetectedAt;
}

public sealed record DossierStepTaken(Guid DossierId, string Step, DateTimeOffset StepAt, string? Note) : CaseEvent
{
    public override DateTimeOffset At => StepAt;
}

/// <summary>Quyết định quản lý sau cai nghiện (Form 53; Law 120 Art 42; NĐ 163 Art 134).</summary>
public sealed record PostRehabDecided(DateTimeOffset DecidedAt, string Basis, string Regime, DateOnly StartsOn, int TermYears, string? DecisionNumber) : CaseEvent
{
    public override DateTimeOffset At => DecidedAt;
}

public sealed record PostRehabEnded(Guid DecisionId, DateOnly EndedOn, string Reason) : CaseEvent
{
    public override DateTimeOffset At => StartOf(EndedOn);
}

/// <summary>Quyết định giám sát điện tử (Law 120 Art 12; NĐ 163 Art 15–16).</summary>
public sealed record SupervisionDecided(DateTimeOffset DecidedAt, string? DecisionNumber) : CaseEvent
{
    public override DateTimeOffset At => DecidedAt;
}

/// <summary>Đeo thiết bị (NĐ 163 Art 17).</summary>
public sealed record SupervisionFitted(Guid SupervisionId, DateTimeOffset FittedAt) : CaseEvent
{
    public override DateTimeOffset At => FittedAt;
}

/// <summary>Vi phạm (Law 120 Art 47; electronic-supervision violations NĐ 163 Art 24–25).</summary>
public sealed record ViolationRecorded(DateOnly On, string Kind, string? Description) : CaseEvent
{
    public override DateTimeOffset At => StartOf(On);
}

public static class RehabForms
{
    public const string HomeCommunity = "home-community";
    public const string PrivateFacility = "private-facility";
    public const string PublicFacility = "public-facility";
    public const string Compulsory = "compulsory";

    public static IReadOnlyList<string> All { get; } = [HomeCommunity, PrivateFacility, PublicFacility, Compulsory];

    public static IReadOnlyList<string> Voluntary { get; } = [HomeCommunity, PrivateFacility, PublicFacility];

    public static string DisplayName(string form) => form switch
    {
        HomeCommunity => "Cai nghiện tự nguyện tại gia đình, cộng đồng",
        PrivateFacility => "Cai nghiện tự nguyện tại cơ sở cai nghiện tư nhân",
        PublicFacility => "Cai nghiện tự nguyện tại cơ sở cai nghiện công lập",
        _ => "Cai nghiện bắt buộc",
    };
}
