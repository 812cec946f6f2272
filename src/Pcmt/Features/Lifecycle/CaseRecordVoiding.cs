namespace Pcmt.Features.Lifecycle;

/// <summary>Which permission records (and so may void) each kind of fact: the same one its POST route requires.</summary>
public static class CaseRecordVoiding
{
    private static readonly HashSet<string> HealthKinds =
        [CaseEventKinds.DrugTest, CaseEventKinds.AddictionDetermination, CaseEventKinds.TherapyAdmission, CaseEventKinds.TherapyPhase, CaseEventKinds.TherapyEnd];

    private static readonly HashSet<string> PostRehabKinds = [CaseEventKinds.PostRehabDecision, CaseEventKinds.PostRehabEnd];

    public static string PermissionFor(string kind) =>
        FacilityPlacements.ResidentFactKinds.Contains(kind) ? Permissions.RecordResidentFacts
        : FacilityPlacements.TherapyProgressKinds.Contains(kind) ? Permissions.RecordTherapyProgress
        : HealthKinds.Contains(kind) ? Permissions.RecordHealthFindings
        : PostRehabKinds.Contains(kind) ? Permissions.DecidePostRehab
        : Permissions.RecordCases;
}
