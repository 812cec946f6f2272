namespace Pcmt.Features.Persons;

/// <summary>
/// Tình trạng: derived from the person's legal records, never typed in (API contract values). The legal lifecycle
/// (management decisions, rehab episodes, post-rehab) derives the other values; a person with no such record is "none".
/// </summary>
public static class PersonStatus
{
    public const string None = "none";

    public static readonly IReadOnlyList<string> All =
    [
        None, "under-management", "addicted-pending-registration", "in-voluntary-rehab", "on-substitution-therapy",
        "compulsory-dossier", "in-compulsory-rehab", "post-rehab", "closed",
    ];
}
