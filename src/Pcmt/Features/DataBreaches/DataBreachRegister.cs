using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Pcmt.Features.DataBreaches;

/// <summary>
/// Sổ sự cố dữ liệu cá nhân: records a breach, shows the time left to notify A05, and records when A05 and the data subjects
/// were notified. Administrators only; every change is audited like any other write.
/// </summary>
public sealed class DataBreachRegister(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// Notify A05 within 72 hours of discovery: Decree 13/2023/NĐ-CP Art 23 (and its Form 03) [C]; the duty continues under
    /// Law 91/2025/QH15 (article ≈ 23, number not yet checked against the official text [I]) and Decree 356/2025/NĐ-CP [C2].
    /// Source: ../shared/domain/legal-rules.md §10, "Breach notification".
    /// </summary>
    public static readonly TimeSpan NotificationDeadline = TimeSpan.FromHours(72);

    /// <summary>A moment typed a little ahead of the server's clock is accepted; anything later is a mistake.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    /// <summary>Breaches of this system cannot predate it; earlier dates are typing errors.</summary>
    private static readonly DateTimeOffset Earliest = new(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public sealed record Input
    {
        [Display(Name = "Mô tả sự cố")]
        [Required(ErrorMessage = Messages.Required), StringLength(4000, ErrorMessage = Messages.MaxLength)]
        public string? Description { get; init; }

        /// <summary>yyyy-MM-ddTHH:mm (giờ Việt Nam) or with an offset.</summary>
        [Display(Name = "thời điểm phát hiện")]
        [Required(ErrorMessage = Messages.Required), StringLength(40, ErrorMessage = Messages.MaxLength)]
        public string? DiscoveredAt { get; init; }

        [Display(Name = "thời điểm xảy ra"), StringLength(40, ErrorMessage = Messages.MaxLength)]
        public string? OccurredAt { get; init; }

        [Display(Name = "loại dữ liệu bị ảnh hưởng")]
        public List<string>? Categories { get; init; }

        [Display(Name = "số chủ thể dữ liệu bị ảnh hưởng")]
        [Required(ErrorMessage = Messages.Required), Range(0, 200_000_000, ErrorMessage = Messages.Range)]
        public int? SubjectCount { get; init; }

        [Display(Name = "cán bộ chịu trách nhiệm")]
        [Required(ErrorMessage = Messages.Required), StringLength(200, ErrorMessage = Messages.MaxLength)]
        public string? ResponsibleOfficer { get; init; }

        [Display(Name = "biện pháp đã và sẽ thực hiện"), StringLength(4000, ErrorMessage = Messages.MaxLength)]
        public string? Measures { get; init; }
    }

    public sealed record NotificationInput
    {
        /// <summary>"authority" (A05) or "subjects" (the data subjects).</summary>
        [Display(Name = "nơi được thông báo")]
        [Required(ErrorMessage = Messages.Required), StringLength(20, ErrorMessage = Messages.MaxLength)]
        public string? Recipient { get; init; }

        [Display(Name = "thời điểm thông báo")]
        [Required(ErrorMessage = Messages.Required), StringLength(40, ErrorMessage = Messages.MaxLength)]
        public string? NotifiedAt { get; init; }

        public Guid? Version { get; init; }
    }

    public sealed record Row(Guid Id, string Description, DateTimeOffset DiscoveredAt, DateTimeOffset? OccurredAt, IReadOnlyList<string> Categories,
        IReadOnlyList<string> CategoryNames, bool Sensitive, int SubjectCount, string ResponsibleOfficer, string? Measures, DateTimeOffset NotifyBy,
        DateTimeOffset? AuthorityNotifiedAt, DateTimeOffset? SubjectsNotifiedAt, bool Overdue, double? HoursLeft, string CreatedBy, Guid Version);

    public async Task<Result<Guid>> RecordAsync(Input input, CancellationToken cancellationToken)
    {
        var errors = Validation.Errors(input) ?? new Dictionary<string, string[]>();
        var now = clock.GetUtcNow();
        var discovered = Moment(input.DiscoveredAt, nameof(Input.DiscoveredAt), now, errors);
        var occurred = string.IsNullOrWhiteSpace(input.OccurredAt) ? null : Moment(input.OccurredAt, nameof(Input.OccurredAt), now, errors);
        if (discovered is not null && occurred is not null && occurred > discovered)
            errors[nameof(Input.OccurredAt)] = ["Thời điểm xảy ra không thể sau thời điểm phát hiện."];
        var categories = (input.Categories ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        if (categories.Count == 0)
            errors[nameof(Input.Categories)] = ["Chọn ít nhất một loại dữ liệu bị ảnh hưởng."];
        else if (categories.Any(c => !DataBreachCategories.Names.ContainsKey(c)))
            errors[nameof(Input.Categories)] = ["Loại dữ liệu phải là một trong: " + string.Join(", ", DataBreachCategories.Names.Keys) + "."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);

        var breach = new DataBreach
        {
            Description = input.Description!.Trim(),
            DiscoveredAt = discovered!.Value.UtcDateTime,
            OccurredAt = occurred?.UtcDateTime,
            Categories = string.Join(",", categories),
            SubjectCount = input.SubjectCount!.Value,
            ResponsibleOfficer = input.ResponsibleOfficer!.Trim(),
            Measures = string.IsNullOrWhiteSpace(input.Measures) ? null : input.Measures.Trim(),
            CreatedBy = user.UserName ?? "",
            CreatedAt = now.UtcDateTime,
            Version = Guid.NewGuid(),
        };
        db.DataBreaches.Add(breach);
        await db.SaveChangesAsync(cancellationToken);
        return breach.Id;
    }

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken)
    {
        var breaches = await db.DataBreaches.AsNoTracking().OrderByDescending(b => b.DiscoveredAt).ThenBy(b => b.Id).Take(500).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return breaches.Select(b => ToRow(b, now)).ToList();
    }

    public async Task<Row?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.DataBreaches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken) is { } breach ? ToRow(breach, clock.GetUtcNow()) : null;

    /// <summary>Breaches whose authority notification is still due: the nearest deadline first (for the home page and the admin list).</summary>
    public async Task<IReadOnlyList<Row>> OpenAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(r => r.AuthorityNotifiedAt is null).OrderBy(r => r.NotifyBy).ToList();

    /// <summary>
    /// "Việc cần làm" of the register's users: open breaches (A05 not yet notified) whose deadline (discovery + 72 h) has passed,
    /// and those due within <paramref name="dueSoonDays"/> days. Counted in the database, for the home page and the dashboard alerts.
    /// </summary>
    public async Task<(int Overdue, int DueSoon)> DeadlineCountsAsync(int dueSoonDays, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdueIfDiscoveredBefore = now - NotificationDeadline;
        var soonIfDiscoveredBefore = overdueIfDiscoveredBefore.AddDays(dueSoonDays);
        var open = db.DataBreaches.AsNoTracking().Where(b => b.AuthorityNotifiedAt == null);
        var overdue = await open.CountAsync(b => b.DiscoveredAt <= overdueIfDiscoveredBefore, cancellationToken);
        var dueSoon = await open.CountAsync(b => b.DiscoveredAt > overdueIfDiscoveredBefore && b.DiscoveredAt <= soonIfDiscoveredBefore, cancellationToken);
        return (overdue, dueSoon);
    }

    public async Task<Result<bool>> RecordNotificationAsync(Guid id, NotificationInput input, CancellationToken cancellationToken)
    {
        var errors = Validation.Errors(input) ?? new Dictionary<string, string[]>();
        if (input.Recipient is not null && input.Recipient is not ("authority" or "subjects"))
            errors[nameof(NotificationInput.Recipient)] = ["Nơi được thông báo phải là \"authority\" (A05) hoặc \"subjects\" (chủ thể dữ liệu)."];
        var breach = await db.DataBreaches.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (breach is null)
            return new Failure.NotFound();
        var at = Moment(input.NotifiedAt, nameof(NotificationInput.NotifiedAt), clock.GetUtcNow(), errors);
        if (at is not null && at.Value.UtcDateTime < breach.DiscoveredAt)
            errors[nameof(NotificationInput.NotifiedAt)] = ["Thời điểm thông báo không thể trước thời điểm phát hiện sự cố."];
        if (errors.Count > 0)
            return new Failure.Invalid(errors);
        if (input.Version is { } version && version != breach.Version)
            return new Failure.Conflict(Messages.StaleEdit);

        if (input.Recipient == "authority")
            breach.AuthorityNotifiedAt = at!.Value.UtcDateTime;
        else
            breach.SubjectsNotifiedAt = at!.Value.UtcDateTime;
        breach.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static Row ToRow(DataBreach b, DateTimeOffset now)
    {
        var discovered = new DateTimeOffset(DateTime.SpecifyKind(b.DiscoveredAt, DateTimeKind.Utc));
        var notifyBy = discovered + NotificationDeadline;
        var categories = b.Categories.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
        DateTimeOffset? Local(DateTime? utc) => utc is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, DateTimeKind.Utc)).ToOffset(Vietnam) : null;
        var open = b.AuthorityNotifiedAt is null;
        return new Row(b.Id, b.Description, discovered.ToOffset(Vietnam), Local(b.OccurredAt), categories,
            categories.Select(c => DataBreachCategories.Names.GetValueOrDefault(c, c)).ToList(), categories.Any(DataBreachCategories.Sensitive.Contains),
            b.SubjectCount, b.ResponsibleOfficer, b.Measures, notifyBy.ToOffset(Vietnam), Local(b.AuthorityNotifiedAt), Local(b.SubjectsNotifiedAt),
            open && now >= notifyBy, open ? Math.Round((notifyBy - now).TotalHours, 1) : null, b.CreatedBy, b.Version);
    }

    /// <summary>A moment as typed in the form (yyyy-MM-ddTHH:mm, Vietnam time) or in ISO 8601 with an offset; plausible only between 2020 and now.</summary>
    private static DateTimeOffset? Moment(string? text, string field, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null; // [Required] reports it where it is required
        text = text.Trim();
        DateTimeOffset value;
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            value = instant;
        else if (!hasOffset && DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && local.Year is >= 2000 and <= 9000) // checked before the offset is applied: 0001-01-01 at +07:00 does not exist in UTC
            value = new DateTimeOffset(local, Vietnam);
        else
        {
            errors[field] = ["Thời điểm không hợp lệ; nhập ngày giờ dạng dd/MM/yyyy HH:mm (giờ Việt Nam)."];
            return null;
        }

        if (value < Earliest || value > now + FutureTolerance)
        {
            errors[field] = ["Thời điểm phải từ 01/01/2020 đến hiện tại."];
            return null;
        }

        return value;
    }
}
