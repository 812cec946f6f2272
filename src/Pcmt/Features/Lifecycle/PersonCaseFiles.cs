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
        var records = await db.CaseRecords.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        var entries = records.Select(r => new CaseEntry(r.Id, r.Event)).ToList();
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
            Kind = KindOf(fact),
            OccurredAt = fact.At.UtcDateTime,
            Payload = fact.ToJson(),
            RecordedBy = user.UserName,
            RecordedAt = now.UtcDateTime,
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
        await ProjectAsync(person, after, [.. records.Select(r => r.Event), fact], now, touch: true, cancellationToken);
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
        var records = await db.CaseRecords.AsNoTracking().Where(r => r.PersonId == person.Id).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        var file = CaseFile.Evaluate(records.Select(r => new CaseEntry(r.Id, r.Event)).ToList(), FactsOf(person),
            clock.GetUtcNow(), await settings.ParametersAsync(cancellationToken), await settings.CalendarAsync(cancellationToken));
        return (file, records);
    }

    public async Task<bool> RefreshAsync(Guid personId, CancellationToken cancellationToken) =>
        await RefreshAsync(personId, await settings.ParametersAsync(cancellationToken), await settings.CalendarAsync(cancellationToken), cancellationToken);

    /// <summary>Re-derives status, work items and lists for one person (daily job, after a transfer or a parameter change). Returns true when anything changed.</summary>
    public async Task<bool> RefreshAsync(Guid personId, LegalParameters parameters, HolidayCalendar calendar, CancellationToken cancellationToken)
    {
        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return false;
        var records = await db.CaseRecords.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var file = CaseFile.Evaluate(records.Select(r => new CaseEntry(r.Id, r.Event)).ToList(), FactsOf(person), now, parameters, calendar);
        await ProjectAsync(person, file, records.Select(r => r.Event).ToList(), now, touch: false, cancellationToken);
        if (!db.ChangeTracker.HasChanges())
            return false;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task ProjectAsync(Person person, CaseFileResult file, IReadOnlyList<CaseEvent> events, DateTimeOffset now, bool touch, CancellationToken cancellationToken)
    {
        if (person.Status != file.Status)
            person.Status = file.Status;
        if (touch)
        {
            // Every append touches the person row, so its version serialises concurrent writers of one file.
            person.UpdatedAt = now.UtcDateTime;
            db.Entry(person).Property(p => p.UpdatedAt).IsModified = true;
        }

        var assignee = events.OfType<ManagementDecided>().LastOrDefault()?.OfficerUserName;
        var items = await db.WorkItems.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(w => w.PersonId == person.Id).ToListAsync(cancellationToken);
        var wanted = file.Obligations.ToDictionary(o => (o.Kind, o.SourceId));
        foreach (var item in items.Where(i => !wanted.ContainsKey((i.Kind, i.SourceId))))
            db.WorkItems.Remove(item);
        foreach (var obligation in file.Obligations)
        {
            var item = items.FirstOrDefault(i => i.Kind == obligation.Kind && i.SourceId == obligation.SourceId);
            if (item is null)
                db.WorkItems.Add(item = new WorkItem { PersonId = person.Id, Kind = obligation.Kind, SourceId = obligation.SourceId });
            Set(item, obligation, person, assignee, now);
        }

        var rows = await db.ListEntries.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Where(l => l.PersonId == person.Id).ToListAsync(cancellationToken);
        var memberships = file.Lists.ToDictionary(m => (m.List, m.SourceId));
        foreach (var row in rows.Where(r => !memberships.ContainsKey((r.List, r.SourceId))))
            db.ListEntries.Remove(row);
        foreach (var membership in file.Lists)
        {
            var row = rows.FirstOrDefault(r => r.List == membership.List && r.SourceId == membership.SourceId);
            if (row is null)
                db.ListEntries.Add(row = new ListEntry { PersonId = person.Id, List = membership.List, SourceId = membership.SourceId });
            if (row.ProvinceCode != person.ProvinceCode)
                row.ProvinceCode = person.ProvinceCode;
            if (row.CommuneCode != person.CommuneCode)
                row.CommuneCode = person.CommuneCode;
            if (row.FromOn != membership.From)
                row.FromOn = membership.From;
            if (row.ToOn != membership.To)
                row.ToOn = membership.To;
            if (row.RemovalReason != membership.RemovalReason)
                row.RemovalReason = membership.RemovalReason;
        }
    }

    private static void Set(WorkItem item, Obligation obligation, Person person, string? assignee, DateTimeOffset now)
    {
        // Assign only what changed, so an unchanged file writes (and audits) nothing.
        if (item.ProvinceCode != person.ProvinceCode)
            item.ProvinceCode = person.ProvinceCode;
        if (item.CommuneCode != person.CommuneCode)
            item.CommuneCode = person.CommuneCode;
        if (item.Title != obligation.Title)
            item.Title = obligation.Title;
        if (item.DueAt != obligation.DueAt.UtcDateTime)
        {
            item.DueAt = obligation.DueAt.UtcDateTime;
            item.OverdueSince = obligation.DueAt <= now ? now.UtcDateTime : null;
        }

        if (item.LegalBasis != obligation.LegalBasis)
            item.LegalBasis = obligation.LegalBasis;
        if (item.Authority != obligation.Authority)
            item.Authority = obligation.Authority;
        if (item.Form != obligation.Form)
            item.Form = obligation.Form;
        if (item.AssigneeUserName != assignee)
            item.AssigneeUserName = assignee;
    }

    private static string KindOf(CaseEvent fact) =>
        ((System.Text.Json.Serialization.JsonDerivedTypeAttribute)Attribute.GetCustomAttributes(typeof(CaseEvent), typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute))
            .Single(a => ((System.Text.Json.Serialization.JsonDerivedTypeAttribute)a).DerivedType == fact.GetType())).TypeDiscriminator!.ToString()!;
}
