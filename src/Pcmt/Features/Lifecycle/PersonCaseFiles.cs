using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Deadlines;
using Pcmt.Features.Persons;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// Loads a person's file, appends a fact after the state machines accept it, and keeps the projections in step in the same
/// transaction: the person's status, the work items and the list rows. Concurrent appends to one file are serialised by the
/// person's version (the second writer gets 409 and retries on fresh state).
/// </summary>
public sealed class PersonCaseFiles(AppDbContext db, LegalSettings settings, CurrentUser user, TimeProvider clock)
{
    /// <summary>What a handler needs to build a fact: the file as it stands, the person, the rules in force.</summary>
    public sealed record Context(Person Person, PersonFacts Facts, CaseFileResult Current, LegalParameters Parameters, HolidayCalendar Calendar, DateTimeOffset Now);

    public sealed record Appended(Guid Id, CaseEvent Event, CaseFileResult File);

    public static PersonFacts FactsOf(Person person) => new(person.BirthYear, person.DateOfBirth, person.Flags);

    /// <summary>Appends the fact built by <paramref name="build"/>; refused facts change nothing (400), unknown or invisible persons are 404.</summary>
    public async Task<Result<Appended>> AppendAsync(Guid personId, Func<Context, Result<CaseEvent>> build, CancellationToken cancellationToken)
    {
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        var parameters = await settings.ParametersAsync(cancellationToken);
        var calendar = await settings.CalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var (_, entries) = await LoadAsync(personId, cancellationToken);
        var facts = FactsOf(person);
        var current = CaseFile.Evaluate(entries, facts, now, parameters, calendar);

        var built = build(new Context(person, facts, current, parameters, calendar, now));
        if (!built.Succeeded)
            return built.Failure;
        var fact = built.Value;
        if (fact.At > now.AddMinutes(5))
            return new Failure.Invalid("at", "Thời điểm không được ở tương lai.");

        var record = new CaseRecord
        {
            PersonId = personId,
            Kind = CaseEvent.KindOf(fact),
            OccurredAt = fact.At.UtcDateTime,
            Payload = fact.ToJson(),
            RecordedBy = user.UserName,
            RecordedAt = now.UtcDateTime,
            RecordedScope = user.ScopeCode,
        };
        var after = CaseFile.Evaluate([.. entries, new CaseEntry(record.Id, fact)], facts, now, parameters, calendar);
        // Refused: the new fact itself, or a later fact it makes inconsistent (a back-dated entry).
        var newErrors = after.Errors.Where(e => e.EntryId == record.Id || !current.Errors.Contains(e)).ToList();
        if (newErrors.Count > 0)
        {
            var errors = newErrors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.EntryId == record.Id ? e.Message : "Mâu thuẫn với một bản ghi sau: " + e.Message).ToArray());
            return new Failure.Invalid(errors);
        }

        db.CaseRecords.Add(record);
        await ProjectAsync(person, after, [.. entries, new CaseEntry(record.Id, fact)], now, touch: true, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict(Messages.StaleEdit);
        }

        return new Appended(record.Id, fact, after);
    }

    /// <summary>The file as it stands now, for the person page and the API (the caller has already been authorised to read the person).</summary>
    public async Task<(CaseFileResult File, IReadOnlyList<CaseRecord> Records)> ReadAsync(Person person, CancellationToken cancellationToken)
    {
        var (records, entries) = await LoadAsync(person.Id, cancellationToken);
        var file = CaseFile.Evaluate(entries, FactsOf(person), clock.GetUtcNow(), await settings.ParametersAsync(cancellationToken), await settings.CalendarAsync(cancellationToken));
        return (file, records);
    }

    /// <summary>The person's facts in recording order (voided ones included, for the history); the entries to fold skip the voided.</summary>
    private async Task<(List<CaseRecord> Records, List<CaseEntry> Entries)> LoadAsync(Guid personId, CancellationToken cancellationToken)
    {
        var records = await db.CaseRecords.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        return (records, records.Where(r => !r.Voided).Select(r => new CaseEntry(r.Id, r.Event)).ToList());
    }

    /// <summary>
    /// Hủy bản ghi nhầm: marks a fact void (who, when, why) and re-projects the file without it. Refused (400) when a fact
    /// still in force depends on it: folding without it would refuse a fact that was accepted, so that one must be voided first.
    /// Only the unit that recorded it (same scope, or the province above that commune) with the permission that records its kind.
    /// </summary>
    public async Task<Result<CaseFileResult>> VoidAsync(Guid personId, Guid recordId, string? reason, CancellationToken cancellationToken)
    {
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == personId && p.MergedIntoId == null, cancellationToken);
        if (person is null)
            return new Failure.NotFound();
        var record = await db.CaseRecords.FirstOrDefaultAsync(r => r.PersonId == personId && r.Id == recordId, cancellationToken);
        if (record is null)
            return new Failure.NotFound();
        if (!user.Can(CaseRecordVoiding.PermissionFor(record.Kind)) || !await IsAuthorUnitAsync(record, cancellationToken))
            return new Failure.Forbidden();
        var text = reason?.Trim() ?? "";
        if (text.Length < 10)
            return new Failure.Invalid("reason", "Ghi rõ lý do hủy bản ghi (ít nhất 10 ký tự).");
        if (text.Length > 1000)
            return new Failure.Invalid("reason", "Lý do tối đa 1000 ký tự.");
        if (record.Voided)
            return new Failure.Invalid("recordId", "Bản ghi này đã bị hủy.");

        var parameters = await settings.ParametersAsync(cancellationToken);
        var calendar = await settings.CalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var (_, entries) = await LoadAsync(personId, cancellationToken);
        var facts = FactsOf(person);
        var current = CaseFile.Evaluate(entries, facts, now, parameters, calendar);
        var remaining = entries.Where(e => e.Id != recordId).ToList();
        var after = CaseFile.Evaluate(remaining, facts, now, parameters, calendar);
        var broken = after.Errors.Where(e => !current.Errors.Contains(e)).ToList();
        if (broken.Count > 0)
        {
            var dependents = await db.CaseRecords.AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(cancellationToken);
            var names = broken.Select(e => dependents.FirstOrDefault(d => d.Id == e.EntryId) is { } d
                ? CaseLabels.Record(d.Kind) + " ngày " + Format.Date(LegalTime.DayOf(new DateTimeOffset(DateTime.SpecifyKind(d.OccurredAt, DateTimeKind.Utc))))
                : "một bản ghi sau").Distinct();
            return new Failure.Invalid("recordId", "Không thể hủy: bản ghi sau phụ thuộc vào bản ghi này (" + string.Join("; ", names) + "). Hủy bản ghi đó trước.");
        }

        record.VoidedAt = now.UtcDateTime;
        record.VoidedBy = user.UserName;
        record.VoidReason = text;
        // A facility's completion certificate (Form 50) falls with the completion it certifies: its register shows it voided, no re-print.
        foreach (var certificate in await db.Set<FacilityCertificate>().Where(c => c.RecordId == recordId && c.VoidedAt == null).ToListAsync(cancellationToken))
            certificate.VoidedAt = now.UtcDateTime;
        await ProjectAsync(person, after, remaining, now, touch: true, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict(Messages.StaleEdit);
        }

        return after;
    }

    /// <summary>The author's unit: the same scope as the recording user, or the province whose commune recorded it. Facts recorded before scopes were stored: any unit that sees the person.</summary>
    public async Task<bool> IsAuthorUnitAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        if (user.IsSystem || record.RecordedScope is null || record.RecordedScope == user.ScopeCode)
            return true;
        return user.ScopeKind == ScopeKind.Province && user.ProvinceCode is { } province
            && await db.AdministrativeUnits.AnyAsync(u => u.Code == record.RecordedScope && u.ProvinceCode == province, cancellationToken);
    }

    public async Task<bool> RefreshAsync(Guid personId, CancellationToken cancellationToken) =>
        await RefreshAsync(personId, await settings.ParametersAsync(cancellationToken), await settings.CalendarAsync(cancellationToken), cancellationToken);

    /// <summary>Re-derives status, work items and lists for one person (daily job, after a transfer or a parameter change). Returns true when anything changed.</summary>
    public async Task<bool> RefreshAsync(Guid personId, LegalParameters parameters, HolidayCalendar calendar, CancellationToken cancellationToken)
    {
        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return false;
        var (_, entries) = await LoadAsync(personId, cancellationToken);
        var now = clock.GetUtcNow();
        var file = CaseFile.Evaluate(entries, FactsOf(person), now, parameters, calendar);
        await ProjectAsync(person, file, entries, now, touch: false, cancellationToken);
        if (!db.ChangeTracker.HasChanges())
            return false;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task ProjectAsync(Person person, CaseFileResult file, IReadOnlyList<CaseEntry> entries, DateTimeOffset now, bool touch, CancellationToken cancellationToken)
    {
        // Plain assignments: EF Core compares with the loaded values, so an unchanged file writes (and audits) nothing.
        person.Status = file.Status;
        if (touch)
        {
            // Every append touches the person row, so its version serialises concurrent writers of one file.
            person.UpdatedAt = now.UtcDateTime;
            db.Entry(person).Property(p => p.UpdatedAt).IsModified = true;
        }

        var assignee = entries.Select(e => e.Event).OfType<ManagementDecided>().LastOrDefault()?.OfficerUserName;
        Sync(db.WorkItems, await db.WorkItems.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(w => w.PersonId == person.Id).ToListAsync(cancellationToken),
            file.Obligations, i => (i.Kind, i.SourceId), o => (o.Kind, o.SourceId),
            o => new WorkItem { PersonId = person.Id, Kind = o.Kind, SourceId = o.SourceId },
            (item, o) =>
            {
                (item.ProvinceCode, item.CommuneCode, item.Title, item.LegalBasis, item.Authority, item.Form, item.AssigneeUserName) =
                    (person.ProvinceCode, person.CommuneCode, o.Title, o.LegalBasis, o.Authority, o.Form, assignee);
                if (item.DueAt != o.DueAt.UtcDateTime)
                {
                    // A moved deadline is overdue again only if the new one has passed (the daily review marks the rest).
                    item.DueAt = o.DueAt.UtcDateTime;
                    item.OverdueSince = o.DueAt <= now ? now.UtcDateTime : null;
                }
            });
        Sync(db.ListEntries, await db.ListEntries.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(l => l.PersonId == person.Id).ToListAsync(cancellationToken),
            file.Lists, r => (r.List, r.SourceId), m => (m.List, m.SourceId),
            m => new ListEntry { PersonId = person.Id, List = m.List, SourceId = m.SourceId },
            (row, m) => (row.ProvinceCode, row.CommuneCode, row.FromOn, row.ToOn, row.RemovalReason) = (person.ProvinceCode, person.CommuneCode, m.From, m.To, m.RemovalReason));
        // Facility staff (issue 16): who is placed where; a closed episode or therapy removes the row, so the person leaves their view.
        Sync(db.FacilityResidents, await db.FacilityResidents.Where(r => r.PersonId == person.Id).ToListAsync(cancellationToken),
            FacilityPlacements.Open(entries), r => (r.Kind, r.SourceId), p => (p.Kind, p.SourceId),
            p => new FacilityResident { PersonId = person.Id, Kind = p.Kind, SourceId = p.SourceId },
            (row, p) => row.FacilityId = p.FacilityId);
    }

    /// <summary>Makes the stored projection rows match the wanted ones: removes the rest, adds the missing, updates in place.</summary>
    private static void Sync<TRow, TWanted>(DbSet<TRow> set, List<TRow> rows, IEnumerable<TWanted> wanted, Func<TRow, (string, Guid)> rowKey, Func<TWanted, (string, Guid)> wantedKey,
        Func<TWanted, TRow> create, Action<TRow, TWanted> update) where TRow : class
    {
        var byKey = rows.ToDictionary(rowKey);
        var keep = new HashSet<(string, Guid)>();
        foreach (var want in wanted)
        {
            var key = wantedKey(want);
            keep.Add(key);
            if (!byKey.TryGetValue(key, out var row))
                set.Add(row = create(want));
            update(row, want);
        }

        set.RemoveRange(rows.Where(r => !keep.Contains(rowKey(r))));
    }
}
