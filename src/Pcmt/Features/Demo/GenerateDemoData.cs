using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Deadlines;
using Pcmt.Features.Facilities;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;
using Pcmt.Features.SupplySide;
using Pcmt.Features.SupportServices;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Demo;

/// <summary>
/// Dữ liệu mô phỏng: a deterministic, realistic dataset over the real units — populations, persons with Vietnamese names at
/// national frequencies and valid citizen IDs, legal histories 2021–2026 under the right regime (every fact accepted by the
/// state machines of <see cref="CaseFile"/>), services, points, arrests, cultivation finds — loaded through the bulk path.
/// </summary>
public sealed class GenerateDemoData(AppDbContext db, PersonalDataProtector protector, LegalSettings settings, TimeProvider clock, ILogger<GenerateDemoData> logger)
{
    public sealed record Options(string Scale = "province", int? Persons = null, int Seed = 2026, string? Province = null);

    public sealed record Outcome(int Persons, int Facts, int WorkItems, int ListRows, int Communes, TimeSpan Elapsed)
    {
        /// <summary>What the national scale adds for the program modules (agencies, plans, reports, cases, tips), with its time.</summary>
        public string? Program { get; init; }
    }

    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    private sealed record Name(string Part, string Text, int Weight);

    public async Task<Result<Outcome>> HandleAsync(Options options, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (options.Scale is not ("province" or "national"))
            return new Failure.Invalid("scale", "Quy mô phải là province hoặc national.");
        var count = options.Persons ?? (options.Scale == "national" ? 250_000 : 2_000);
        if (count is < 1 or > 5_000_000)
            return new Failure.Invalid("persons", "Số đối tượng phải từ 1 đến 5.000.000.");
        var province = options.Scale == "province" ? options.Province ?? "19" : null;
        var communes = await db.AdministrativeUnits.AsNoTracking().Current()
            .Where(u => u.Level == UnitLevel.Commune && (province == null || u.ProvinceCode == province))
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Code, u.ProvinceCode, u.Type }).ToListAsync(cancellationToken);
        if (communes.Count == 0)
            return new Failure.Invalid("province", "Không có xã nào của tỉnh này.");

        var rng = new Random(options.Seed);
        var names = LoadNames();
        var family = names.Where(n => n.Part == "family").ToList();
        var middle = names.Where(n => n.Part == "middle").ToList();
        var given = names.Where(n => n.Part == "given").ToList();
        var parameters = await settings.ParametersAsync(cancellationToken);
        var calendar = await settings.CalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = LegalTime.DayOf(now);

        // Population per commune (2025 and 2026) where none is entered yet.
        var withPopulation = await db.CommunePopulations.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).Select(p => new { p.CommuneCode, p.Year }).ToListAsync(cancellationToken);
        var known = withPopulation.Select(p => (p.CommuneCode, p.Year)).ToHashSet();
        var populations = new List<CommunePopulation>();
        // A 2025 commune was formed from its predecessors (about 9,500 residents each on average: 101 million people in 10,600
        // old communes); wards are denser. This keeps populations in the range a real province has instead of uniform noise.
        var predecessors = await db.UnitSuccessions.AsNoTracking().GroupBy(s => s.SuccessorId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        foreach (var c in communes)
        {
            var perOld = c.Type == UnitType.Phuong ? rng.Next(8_000, 16_000) : rng.Next(4_500, 11_000);
            var residents = Math.Max(1, predecessors.GetValueOrDefault(c.Id, 1)) * perOld;
            foreach (var year in new[] { 2025, 2026 })
            {
                if (!known.Contains((c.Code, year)))
                    populations.Add(new CommunePopulation { UnitId = c.Id, ProvinceCode = c.ProvinceCode, CommuneCode = c.Code, Year = year, Residents = residents + (year - 2025) * rng.Next(-200, 400), UpdatedAt = now.UtcDateTime });
            }
        }

        // Each province of the demo has its public rehabilitation facility and its methadone clinic (the registered ones when they
        // exist), so people in compulsory rehab or on methadone are residents of a real facility and its capacity means something.
        var provinceCodes = communes.Select(c => c.ProvinceCode).Distinct().ToList();
        var registered = await db.Facilities.AsNoTracking()
            .Where(f => provinceCodes.Contains(f.ProvinceCode) && (f.Kind == FacilityKinds.PublicRehab || f.Kind == FacilityKinds.MethadoneClinic))
            .OrderBy(f => f.Name).Select(f => new { f.Id, f.Name, f.Kind, f.ProvinceCode }).ToListAsync(cancellationToken);
        var provinceNames = await db.AdministrativeUnits.AsNoTracking().Current().Where(u => u.Level == UnitLevel.Province && provinceCodes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var newFacilities = new List<Facility>();
        (Guid Id, string Name) FacilityOf(string provinceCode, string kind, string title, int? capacity)
        {
            if (registered.FirstOrDefault(f => f.ProvinceCode == provinceCode && f.Kind == kind) is { } found)
                return (found.Id, found.Name);
            var where = provinceNames.GetValueOrDefault(provinceCode, provinceCode).Replace("Tỉnh ", "tỉnh ", StringComparison.Ordinal).Replace("Thành phố ", "thành phố ", StringComparison.Ordinal);
            var facility = new Facility { Id = DeterministicId(rng), Kind = kind, Name = $"{title} {where}", ProvinceCode = provinceCode, Capacity = capacity, Licence = "Quyết định thành lập (dữ liệu mẫu)", UpdatedAt = now.UtcDateTime, Version = Guid.NewGuid() };
            newFacilities.Add(facility);
            return (facility.Id, facility.Name);
        }

        var places = provinceCodes.ToDictionary(code => code, code =>
        {
            var rehab = FacilityOf(code, FacilityKinds.PublicRehab, "Cơ sở cai nghiện ma túy", rng.Next(3, 9) * 100);
            var clinic = FacilityOf(code, FacilityKinds.MethadoneClinic, "Cơ sở điều trị Methadone", null);
            return new DemoFacilities(rehab.Id, rehab.Name, clinic.Id, clinic.Name);
        });

        var persons = new List<Person>(count);
        var records = new List<CaseRecord>(count * 6);
        var items = new List<WorkItem>(count);
        var rows = new List<ListEntry>(count * 2);
        var placedResidents = new List<FacilityResident>();
        var services = new List<SupportService>();
        var ids = new HashSet<string>();
        var fileCounters = new Dictionary<string, int>();
        // File codes in the registry's one format ("05443-21-00007": commune, year the file was opened, running number), continuing
        // after the highest number each commune-year already has, whoever stored it (the generator runs as the system user, whose
        // scope filter admits the whole installation: no filter is switched off).
        var lastNumbers = new Dictionary<string, int>();
        var highest = await db.Persons
            .GroupBy(p => p.FileCode.Substring(0, 9)).Select(g => new { Prefix = g.Key, Max = g.Max(p => p.FileCode) }).ToListAsync(cancellationToken);
        foreach (var g in highest)
        {
            if (g.Max is { Length: > 9 } code && int.TryParse(code[9..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                lastNumbers[g.Prefix] = number;
        }

        foreach (var c in await db.Set<FileNumberCounter>().AsNoTracking().ToListAsync(cancellationToken))
            lastNumbers[c.Prefix] = Math.Max(c.LastNumber, lastNumbers.GetValueOrDefault(c.Prefix));
        var sequence = 0L;
        for (var i = 0; i < count; i++)
        {
            var commune = communes[rng.Next(communes.Count)];
            var sex = rng.NextDouble() < 0.88 ? Sex.Male : Sex.Female;
            var birth = new DateOnly(1965, 1, 1).AddDays(rng.Next(0, 43 * 365));
            // The name file's given names are mostly men's; women draw from women's middle and given names, men never get "Thị".
            var middleName = sex == Sex.Female
                ? (rng.NextDouble() < 0.7 ? "Thị" : FemaleMiddle[rng.Next(FemaleMiddle.Length)])
                : (rng.NextDouble() < 0.55 ? "Văn" : PickExcept(rng, middle, FemaleMiddleOnly));
            var givenName = sex == Sex.Female ? FemaleGiven[rng.Next(FemaleGiven.Length)] : PickExcept(rng, given, FemaleGivenOnly);
            var fullName = $"{Pick(rng, family, null)} {middleName} {givenName}";
            var birthProvince = CitizenId.ProvinceCodes.Contains("0" + commune.ProvinceCode) && rng.NextDouble() < 0.85 ? "0" + commune.ProvinceCode : CitizenId.ProvinceCodes.ElementAt(rng.Next(CitizenId.ProvinceCodes.Count));
            string citizenId;
            do
                citizenId = $"{birthProvince}{CitizenId.CenturySexDigit(birth.Year, sex)}{birth.Year % 100:D2}{rng.Next(1_000_000):D6}";
            while (!ids.Add(citizenId));
            var person = new Person
            {
                Id = DeterministicId(rng),
                DateOfBirth = rng.NextDouble() < 0.9 ? birth : null,
                BirthYear = birth.Year,
                Sex = sex,
                CitizenIdProtected = protector.Encrypt(citizenId),
                CitizenIdIndex = protector.BlindIndex(citizenId),
                ProvinceCode = commune.ProvinceCode,
                CommuneCode = commune.Code,
                Current = new Residence { CommuneCode = commune.Code, Address = $"Tổ {rng.Next(1, 30)}" },
                Permanent = new Residence { CommuneCode = commune.Code },
                Temporary = new Residence(),
                Substances = rng.NextDouble() < 0.7 ? "methamphetamine" : rng.NextDouble() < 0.5 ? "heroin" : "cannabis",
                CreatedAt = now.UtcDateTime,
                UpdatedAt = now.UtcDateTime,
                Version = Guid.NewGuid(),
            };
            person.SetNames(fullName, []);
            persons.Add(person);

            // A real commune keeps up with most deadlines: a history that leaves an obligation more than a month overdue is drawn
            // again (up to three times), so only a few files carry old overdue items instead of hundreds dating back to 2021.
            List<CaseEntry> entries;
            CaseFileResult file;
            var attempt = 0;
            do
            {
                var facts = History(rng, today, parameters, calendar, PersonCaseFiles.FactsOf(person), now, person.Id, places[commune.ProvinceCode]);
                entries = facts.Select((f, k) => new CaseEntry(FactId(person.Id, k), f)).ToList();
                file = CaseFile.Evaluate(entries, PersonCaseFiles.FactsOf(person), now, parameters, calendar);
            }
            while (++attempt < 4 && file.Obligations.Any(o => o.DueAt < now.AddDays(-30)) && rng.NextDouble() > 0.03);
            var opened = entries.Count > 0 ? entries[0].Event.At.ToOffset(TimeSpan.FromHours(7)).DateTime : now.ToOffset(TimeSpan.FromHours(7)).DateTime;
            var prefix = FileNumbers.PrefixOf(commune.Code, opened);
            var number = lastNumbers[prefix] = lastNumbers.GetValueOrDefault(prefix) + 1;
            fileCounters[prefix] = number;
            person.FileCode = FileNumbers.Format(prefix, number);
            person.Status = file.Status;
            foreach (var entry in entries)
            {
                records.Add(new CaseRecord
                {
                    Id = entry.Id,
                    PersonId = person.Id,
                    Kind = CaseEvent.KindOf(entry.Event),
                    OccurredAt = entry.Event.At.UtcDateTime,
                    Payload = entry.Event.ToJson(),
                    RecordedBy = "demo",
                    RecordedAt = entry.Event.At.UtcDateTime,
                    Sequence = ++sequence,
                });
            }

            foreach (var o in file.Obligations)
            {
                items.Add(new WorkItem
                {
                    PersonId = person.Id,
                    ProvinceCode = person.ProvinceCode,
                    CommuneCode = person.CommuneCode,
                    Kind = o.Kind,
                    SourceId = o.SourceId,
                    Title = o.Title,
                    DueAt = o.DueAt.UtcDateTime,
                    LegalBasis = o.LegalBasis,
                    Authority = o.Authority,
                    Form = o.Form,
                    OverdueSince = o.DueAt <= now ? now.UtcDateTime : null,
                });
            }

            // Facility staff see their current residents through this projection (issue 16): written here like the lists.
            foreach (var placement in FacilityPlacements.Open(entries))
                placedResidents.Add(new FacilityResident { PersonId = person.Id, FacilityId = placement.FacilityId, SourceId = placement.SourceId, Kind = placement.Kind });

            foreach (var l in file.Lists)
                rows.Add(new ListEntry { PersonId = person.Id, ProvinceCode = person.ProvinceCode, CommuneCode = person.CommuneCode, List = l.List, SourceId = l.SourceId, FromOn = l.From, ToOn = l.To, RemovalReason = l.RemovalReason });

            if (entries.Count > 0 && rng.NextDouble() < 0.6)
            {
                var first = LegalTime.DayOf(entries[0].Event.At).AddDays(rng.Next(1, 60));
                if (first < today)
                {
                    string[] kinds = ["counselling", "counselling", "medical-care", "psychological-care", "legal-aid", "vocational-training", "job-placement"];
                    var kind = kinds[rng.Next(kinds.Length)];
                    services.Add(new SupportService
                    {
                        PersonId = person.Id,
                        ProvinceCode = person.ProvinceCode,
                        CommuneCode = person.CommuneCode,
                        Kind = kind,
                        RequestedOn = kind == "legal-aid" ? first : null,
                        ProvidedOn = kind == "legal-aid" && rng.NextDouble() < 0.2 ? null : first,
                        Provider = "Trạm Y tế / Trung tâm dịch vụ xã",
                        RecordedBy = "demo",
                        RecordedAt = now.UtcDateTime,
                    });
                }
            }
        }

        var hotspots = new List<Hotspot>();
        var arrests = new List<Arrest>();
        var finds = new List<CultivationFind>();
        foreach (var c in communes)
        {
            var roll = rng.NextDouble();
            for (var k = 0; k < (roll < 0.75 ? 0 : roll < 0.93 ? 1 : 2); k++)
            {
                var detected = new DateOnly(2024, 1, 1).AddDays(rng.Next(0, today.DayNumber - new DateOnly(2024, 1, 1).DayNumber));
                var cleared = detected.AddDays(rng.Next(10, 400));
                hotspots.Add(new Hotspot { ProvinceCode = c.ProvinceCode, CommuneCode = c.Code, Kind = rng.NextDouble() < 0.7 ? "harbouring-point" : "retail-selling", DetectedOn = detected, ClearedOn = cleared < today && rng.NextDouble() < 0.6 ? cleared : null });
            }

            if (rng.NextDouble() < 0.35)
            {
                var offenders = rng.Next(1, 12);
                arrests.Add(new Arrest { ProvinceCode = c.ProvinceCode, CommuneCode = c.Code, ArrestedOn = today.AddDays(-rng.Next(1, 700)), Offenders = offenders, ResidentOffenders = rng.Next(0, offenders + 1) });
            }

            if (rng.NextDouble() < 0.03)
            {
                var found = today.AddDays(-rng.Next(1, 700));
                finds.Add(new CultivationFind { ProvinceCode = c.ProvinceCode, CommuneCode = c.Code, FoundOn = found, Plants = rng.Next(50, 5000), AreaM2 = rng.Next(10, 1500), DestroyedOn = found.AddDays(rng.Next(0, 3)) });
            }
        }

        // The same seed gives the same people: loading it twice would duplicate them.
        var probe = persons.Take(50).Select(p => p.CitizenIdIndex).ToList();
        if (await db.Persons.IgnoreQueryFilters([AppDbContext.UnitScopeFilter]).AnyAsync(p => probe.Contains(p.CitizenIdIndex), cancellationToken))
            return new Failure.Conflict($"Dữ liệu mô phỏng với hạt giống {options.Seed} đã được nạp; dùng hạt giống khác (--seed).");

        // Sequence numbers continue after any existing facts.
        var offset = await db.CaseRecords.MaxAsync(r => (long?)r.Sequence, cancellationToken) ?? 0;
        foreach (var r in records)
            r.Sequence += offset;

        var summary = $"Dữ liệu mô phỏng (seed {options.Seed}, {options.Scale})";
        await BulkCopy.WriteAsync(db, populations, summary, cancellationToken);
        await BulkCopy.WriteAsync(db, persons, summary, cancellationToken);
        await BulkCopy.WriteAsync(db, records, summary, cancellationToken);
        await BulkCopy.WriteAsync(db, items, summary, cancellationToken);
        await BulkCopy.WriteAsync(db, rows, summary, cancellationToken);
        db.Facilities.AddRange(newFacilities); // before the residents that refer to them
        await db.SaveChangesAsync(cancellationToken);
        await BulkCopy.WriteAsync(db, placedResidents, summary, cancellationToken);
        await BulkCopy.WriteAsync(db, services, summary, cancellationToken);
        await BulkCopy.WriteAsync(db, hotspots, summary, cancellationToken);
        await BulkCopy.WriteAsync(db, arrests, summary, cancellationToken);
        await BulkCopy.WriteAsync(db, finds, summary, cancellationToken);
        // Registrations after the demo continue the numbering: the counters hold the last number used per commune-year.
        var prefixes = fileCounters.Keys.ToList();
        var stored = await db.Set<FileNumberCounter>().Where(c => prefixes.Contains(c.Prefix)).ToDictionaryAsync(c => c.Prefix, cancellationToken);
        foreach (var (prefix, last) in fileCounters)
        {
            if (stored.TryGetValue(prefix, out var counter))
                counter.LastNumber = Math.Max(counter.LastNumber, last);
            else
                db.Set<FileNumberCounter>().Add(new FileNumberCounter { Prefix = prefix, LastNumber = last });
        }

        await db.SaveChangesAsync(cancellationToken);
        string? program = null;
        if (options.Scale == "national")
        {
            // Issue 19: every province's agencies, plan, reports, cases and tips, from a generator of its own seed so the
            // registry above stays the same as before for a given seed.
            var started = watch.Elapsed;
            var generated = await new NationalProgramData(db, protector, new Random(options.Seed + 19), today, now.UtcDateTime, summary).WriteAsync(
                new NationalProgramData.Registry(communes.Select(c => (c.Code, c.ProvinceCode)).ToList(), persons, rows, records, hotspots, finds), cancellationToken);
            program = $"{generated} trong {(watch.Elapsed - started).TotalSeconds:N1} giây";
            logger.LogInformation("Demo program data: {Program}", program);
        }
        else
            await Plans.DemoPlan.AddAsync(db, province ?? "19", today, cancellationToken); // Plans, tasks and budget (issue 12)
        logger.LogInformation("Demo data: {Persons} persons, {Facts} facts, {Items} work items, {Rows} list rows in {Elapsed}", persons.Count, records.Count, items.Count, rows.Count, watch.Elapsed);
        return new Outcome(persons.Count, records.Count, items.Count, rows.Count, communes.Count, watch.Elapsed) { Program = program };
    }

    /// <summary>A plausible legal history, each fact accepted by the state machines (a fact the file refuses is dropped).</summary>
    private static List<CaseEvent> History(Random rng, DateOnly today, LegalParameters p, HolidayCalendar calendar, PersonFacts facts, DateTimeOffset now, Guid personId, DemoFacilities places)
    {
        Guid IdOf(List<CaseEvent> list, CaseEvent fact) => FactId(personId, list.IndexOf(fact));
        var events = new List<CaseEvent>();
        var start = new DateOnly(2021, 1, 4).AddDays(rng.Next(0, today.DayNumber - new DateOnly(2021, 1, 4).DayNumber - 3));
        DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), Vn);
        bool Add(CaseEvent e)
        {
            if (e.At >= now)
                return false;
            var trial = events.Append(e).Select((x, i) => new CaseEntry(FactId(personId, i), x)).ToList();
            if (CaseFile.Evaluate(trial, facts, now, p, calendar).Errors.Count > 0)
                return false;
            events.Add(e);
            return true;
        }

        Add(new DrugTestRecorded(At(start, 10), "urine", "positive", ["methamphetamine"], null, "Công an xã"));
        var decided = start.AddDays(1);
        if (rng.NextDouble() < 0.85)
            Add(new ManagementDecided(At(decided, 9), $"{rng.Next(1, 300)}/QĐ", LegalRegime.ForDecision(decided), null, null, null));
        if (rng.NextDouble() < 0.45)
        {
            var addicted = decided.AddDays(rng.Next(20, 200));
            if (Add(new AddictionDetermined(At(addicted, 9), [1, 2, 3, 5], true, "addicted", "Trung tâm Y tế")))
            {
                if (events.OfType<ManagementDecided>().Any())
                    Add(new ManagementChanged(Guid.Empty, "stop", addicted, null, "addicted", null) with { DecisionId = IdOf(events, events.OfType<ManagementDecided>().First()) });
                var choice = rng.NextDouble();
                if (choice < 0.55)
                {
                    var regime = LegalRegime.ForDecision(addicted.AddDays(1));
                    Add(new RehabRegistered(At(addicted, 14), RehabForms.HomeCommunity));
                    var term = regime == LegalRegime.Law120 ? 24 : rng.Next(6, 13);
                    var startedOn = LegalTime.LastWorkingDay(addicted.AddDays(1), 1, calendar);
                    if (Add(new RehabDecided(RehabForms.HomeCommunity, At(addicted.AddDays(1), 10), $"{rng.Next(1, 300)}/QĐ", startedOn, regime, 1, term, null, null, 0)))
                    {
                        var episode = IdOf(events, events.OfType<RehabDecided>().Last());
                        var end = LegalTime.LastDayOfMonths(startedOn, term);
                        if (rng.NextDouble() < 0.2)
                        {
                            var quit = startedOn.AddDays(rng.Next(20, 150));
                            if (Add(new RehabEnded(episode, quit, "self-terminated")))
                                Compulsory(quit);
                        }
                        else if (Add(new RehabEnded(episode, end, "completed")))
                        {
                            PostRehab(LegalTime.LastWorkingDay(end, 1, calendar), "voluntary");
                        }
                    }
                }
                else if (choice < 0.8)
                {
                    var admitted = addicted.AddDays(1);
                    if (Add(new TherapyAdmitted(At(admitted, 8), places.ClinicName, places.ClinicId)))
                    {
                        var therapy = IdOf(events, events.OfType<TherapyAdmitted>().Last());
                        Add(new TherapyPhaseChanged(therapy, "maintenance", admitted.AddDays(30)));
                        var ended = admitted.AddDays(rng.Next(300, 900));
                        if (rng.NextDouble() < 0.4 && Add(new TherapyEnded(therapy, ended, "completed")))
                            PostRehab(LegalTime.LastWorkingDay(ended, 1, calendar), "substitution-therapy");
                    }
                }
                else
                {
                    Compulsory(addicted.AddDays(2));
                }
            }
        }

        // Terms that ran out are closed as an officer would (Form 09, Form 56), so old files leave no open deadlines.
        foreach (var management in events.OfType<ManagementDecided>().ToList())
        {
            var id = IdOf(events, management);
            var endsOn = LegalTime.LastDayOfYears(LegalTime.DayOf(management.DecidedAt), p.Number("management-term-years", management.Regime));
            if (!events.OfType<ManagementChanged>().Any(c => c.DecisionId == id))
                Add(new ManagementChanged(id, "end", endsOn.AddDays(1), null, null, "09"));
        }

        foreach (var post in events.OfType<PostRehabDecided>().ToList())
            Add(new PostRehabEnded(IdOf(events, post), LegalTime.LastDayOfYears(post.StartsOn, post.TermYears), "completed"));
        return events;

        void Compulsory(DateOnly detected)
        {
            if (!Add(new DossierOpened(At(detected, 9), "self-terminated")))
                return;
            var dossier = IdOf(events, events.OfType<DossierOpened>().Last());
            var prepared = LegalTime.LastWorkingDay(detected, 1, calendar);
            Add(new DossierStepTaken(dossier, "prepared", At(prepared, 15), null));
            Add(new DossierStepTaken(dossier, "notified", At(prepared, 16), null));
            var sent = LegalTime.LastWorkingDay(LegalTime.LastWorkingDay(prepared, 3, calendar), 1, calendar);
            Add(new DossierStepTaken(dossier, "sent-to-court", At(sent, 9), null));
            var court = sent.AddDays(rng.Next(7, 30));
            var regime = LegalRegime.ForDecision(court);
            var sequenceNumber = events.OfType<RehabDecided>().Count() + 1;
            var term = regime == LegalRegime.Law120 ? (sequenceNumber == 1 ? 24 : 36) : rng.Next(12, 25);
            if (Add(new RehabDecided(RehabForms.Compulsory, At(court, 14), $"{rng.Next(1, 200)}/QĐ-TA", court.AddDays(1), regime, sequenceNumber, term, places.RehabId, places.RehabName, 0)))
            {
                var end = LegalTime.LastDayOfMonths(court.AddDays(1), term);
                if (Add(new RehabEnded(IdOf(events, events.OfType<RehabDecided>().Last()), end, "completed")))
                    PostRehab(LegalTime.LastWorkingDay(end, 1, calendar), facts.AgeOn(end) >= 18 ? "compulsory-adult" : "compulsory-minor");
            }
        }

        void PostRehab(DateOnly decidedOn, string basis)
        {
            var regime = LegalRegime.ForDecision(decidedOn);
            var years = p.Number(basis == "compulsory-adult" ? "post-rehab-years-compulsory-adult" : "post-rehab-years-voluntary", regime);
            var completed = events.OfType<RehabEnded>().Select(e => e.EndedOn).Concat(events.OfType<TherapyEnded>().Select(e => e.EndedOn)).Max();
            Add(new PostRehabDecided(At(decidedOn, 9), basis, regime, completed, years, $"{rng.Next(1, 200)}/QĐ-UBND"));
        }
    }

    /// <summary>The id of the k-th fact of a person: the same during generation (references between facts) and when stored.</summary>
    private static Guid FactId(Guid personId, int index)
    {
        var bytes = personId.ToByteArray();
        bytes[14] = (byte)(index >> 8);
        bytes[15] = (byte)index;
        bytes[13] ^= 0x5A; // never equal to the person's own id
        return new Guid(bytes);
    }

    private static Guid DeterministicId(Random rng)
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, from the seeded generator
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static readonly string[] FemaleMiddle = ["Ngọc", "Thu", "Hồng", "Kim", "Mỹ", "Thanh", "Phương", "Bích", "Minh"];

    private static readonly string[] FemaleGiven =
        ["Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Hằng", "Thảo", "Nga", "Hà", "Huyền", "Nhung", "Yến", "Phương", "Thủy", "Hạnh", "Loan", "Dung", "Oanh", "Vân", "Ngọc", "Anh", "Trinh", "Diệp"];

    private static readonly HashSet<string> FemaleMiddleOnly = ["Thị", "Thu", "Kim", "Mỹ", "Bích", "Hồng"];

    private static readonly HashSet<string> FemaleGivenOnly =
        ["Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Hằng", "Thảo", "Nga", "Huyền", "Nhung", "Yến", "Phương", "Thủy", "Hạnh", "Loan", "Dung", "Oanh", "Vân", "Trinh", "Diệp", "Ngọc", "Tuyết", "Nhi", "Vy", "Trâm", "Uyên", "Quyên", "Thư", "Châu"];

    private static string PickExcept(Random rng, List<Name> names, HashSet<string> except)
    {
        string name;
        do
            name = Pick(rng, names, null);
        while (except.Contains(name) || name.Split(' ')[0] == "Thị"); // also the compound middles "Thị Thanh", "Thị Ngọc" …
        return name;
    }

    private static string Pick(Random rng, List<Name> names, string? except)
    {
        var total = names.Sum(n => n.Text == except ? 0 : n.Weight);
        var roll = rng.Next(total);
        foreach (var n in names)
        {
            if (n.Text == except)
                continue;
            roll -= n.Weight;
            if (roll < 0)
                return n.Text;
        }

        return names[0].Text;
    }

    private static List<Name> LoadNames()
    {
        using var stream = typeof(GenerateDemoData).Assembly.GetManifestResourceStream("Pcmt.Demo.vn-names.csv")!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var names = new List<Name>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var parts = line.Split(',');
            names.Add(new Name(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return names;
    }
}

/// <summary>The facilities of one province that generated histories refer to.</summary>
internal sealed record DemoFacilities(Guid RehabId, string RehabName, Guid ClinicId, string ClinicName);
