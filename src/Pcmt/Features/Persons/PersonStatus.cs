using Microsoft.EntityFrameworkCore;

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

    /// <summary>Persons of the caller's area by status (merged duplicates left out), for the home page and the dashboard.</summary>
    public static Task<Dictionary<string, int>> CountAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Persons.AsNoTracking().Where(p => p.MergedIntoId == null).GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public static string DisplayName(string status) => status switch
    {
        "under-management" => "Đang bị quản lý (sử dụng trái phép chất ma túy)",
        "addicted-pending-registration" => "Nghiện ma túy, chờ đăng ký cai nghiện",
        "in-voluntary-rehab" => "Đang cai nghiện tự nguyện",
        "on-substitution-therapy" => "Đang điều trị bằng thuốc thay thế",
        "compulsory-dossier" => "Đang lập hồ sơ đưa vào cai nghiện bắt buộc",
        "in-compulsory-rehab" => "Đang cai nghiện bắt buộc",
        "post-rehab" => "Đang quản lý sau cai nghiện",
        "closed" => "Đã kết thúc các biện pháp",
        _ => "Chưa có quyết định quản lý",
    };
}
