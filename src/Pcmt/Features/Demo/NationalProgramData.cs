using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Agencies;
using Pcmt.Features.Enforcement;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;
using Pcmt.Features.Plans;
using Pcmt.Features.Reports;
using Pcmt.Features.SupplySide;
using Pcmt.Features.Tips;
using Pcmt.Infrastructure.Protection;

namespace Pcmt.Features.Demo;

/// <summary>
/// The program modules at national scale (issue 19): per province its agencies (the departments of the Thái Nguyên demo plus the
/// provincial police), a plan with tasks, progress, completion confirmations and budget lines; a year (two half-years) of commune
/// and agency reports moving through the review flow, their figures taken from the generated registry so most agree with what
/// PCMT computes; drug cases with suspects (some registered persons), seizures and prosecution stages; tips from the public.
/// Everything is built in memory from the seeded generator and written with COPY, like the persons.
/// </summary>
internal sealed class NationalProgramData(AppDbContext db, PersonalDataProtector protector, Random rng, DateOnly today, DateTime now, string summary)
{
    public sealed record Registry(
        IReadOnlyList<(string Code, string ProvinceCode)> Communes,
        IReadOnlyList<Person> Persons,
        IReadOnlyList<ListEntry> Lists,
        IReadOnlyList<CaseRecord> Records,
        IReadOnlyList<Hotspot> Hotspots,
        IReadOnlyList<CultivationFind> Finds);

    public sealed record Counts(int Agencies, int Tasks, int BudgetLines, int Reports, int ApprovedReports, int Cases, int Suspects, int Seizures, int Tips)
    {
        public override string ToString() =>
            $"{Agencies:N0} cơ quan, {Tasks:N0} nhiệm vụ, {BudgetLines:N0} dòng kinh phí, {Reports:N0} báo cáo ({ApprovedReports:N0} đã duyệt), {Cases:N0} vụ án ({Suspects:N0} đối tượng, {Seizures:N0} tang vật), {Tips:N0} tin tố giác";
    }

    private readonly List<ReviewEvent> _events = [];

    public async Task<Counts> WriteAsync(Registry registry, CancellationToken ct)
    {
        var provinces = registry.Communes.Select(c => c.ProvinceCode).Distinct().Order(StringComparer.Ordinal).ToList();
        // Provinces whose agencies exist (an earlier run or the province demo) keep what they have: codes are unique.
        var standing = provinces.Select(p => $"ca-{p}").ToList();
        var existing = (await db.Agencies.AsNoTracking().Where(a => standing.Contains(a.Code)).Select(a => a.ProvinceCode).ToListAsync(ct)).ToHashSet();
        provinces = provinces.Where(p => !existing.Contains(p)).ToList();
        var covered = provinces.ToHashSet();

        var agencies = new List<Agency>();
        var plans = new List<Plan>();
        var tasks = new List<PlanTask>();
        var progress = new List<TaskProgress>();
        var budget = new List<BudgetLine>();
        foreach (var province in provinces)
            AddPlan(province, agencies, plans, tasks, progress, budget);

        var reports = new List<Report>();
        var communes = registry.Communes.Where(c => covered.Contains(c.ProvinceCode)).ToList();
        var figures = new RegistryFigures(registry);
        foreach (var period in Periods())
        {
            foreach (var commune in communes)
                AddReport(reports, BuiltInTemplates.Commune, period, ReporterKinds.Commune, commune.Code, commune.ProvinceCode, commune.Code, figures);
            foreach (var agency in agencies)
                AddReport(reports, BuiltInTemplates.AgencyHalf, period, ReporterKinds.Agency, agency.Code, agency.ProvinceCode, null, null, tasks, budget);
        }

        var (cases, suspects, seizures, stages) = AddCases(communes, registry.Persons);
        var tips = AddTips(communes, cases);

        await BulkCopy.WriteAsync(db, agencies, summary, ct);
        await BulkCopy.WriteAsync(db, plans, summary, ct);
        await BulkCopy.WriteAsync(db, tasks, summary, ct);
        await BulkCopy.WriteAsync(db, progress, summary, ct);
        await BulkCopy.WriteAsync(db, budget, summary, ct);
        await BulkCopy.WriteAsync(db, reports, summary, ct);
        await BulkCopy.WriteAsync(db, _events, summary, ct);
        await BulkCopy.WriteAsync(db, cases, summary, ct);
        await BulkCopy.WriteAsync(db, suspects, summary, ct);
        await BulkCopy.WriteAsync(db, seizures, summary, ct);
        await BulkCopy.WriteAsync(db, stages, summary, ct);
        await BulkCopy.WriteAsync(db, tips, summary, ct);
        return new Counts(agencies.Count, tasks.Count, budget.Count, reports.Count, reports.Count(r => r.Status == ReviewStatuses.Approved),
            cases.Count, suspects.Count, seizures.Count, tips.Count);
    }

    /// <summary>The last two half-years whose reports were due before today: "a year of reports".</summary>
    private IEnumerable<ReportingPeriod> Periods()
    {
        var options = new ReportingOptions();
        var found = new List<ReportingPeriod>();
        for (var year = today.Year; year >= today.Year - 2 && found.Count < 2; year--)
        {
            foreach (var half in new[] { "H2", "H1" })
            {
                var period = ReportingPeriod.Parse($"{year}{half}", options.CutOffDay)!;
                if (period.DueOn(options, ReporterKinds.Commune) < today && found.Count < 2)
                    found.Add(period);
            }
        }

        return found.OrderBy(p => p.From);
    }

    private Guid NextId()
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private void Event(string subjectType, Guid id, DateTime at, string action, string? reason = null, string? snapshot = null) =>
        _events.Add(new ReviewEvent { SubjectType = subjectType, SubjectId = id.ToString(), At = at, UserName = "demo", Action = action, Reason = reason, Snapshot = snapshot });

    private static DateTime Utc(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    // --- plans ---------------------------------------------------------------------------------------------------------------

    private void AddPlan(string province, List<Agency> agencies, List<Plan> plans, List<PlanTask> tasks, List<TaskProgress> progress, List<BudgetLine> budget)
    {
        string Code(string key) => $"{key}-{province}";
        foreach (var (key, name, kind) in DemoPlan.AgencyList)
            agencies.Add(new Agency { Id = NextId(), Code = Code(key), Name = name, ProvinceCode = province, Kind = kind, CreatedAt = now });

        var scale = 0.5 + rng.NextDouble(); // provinces differ in size and budget
        var plan = new Plan
        {
            Id = NextId(),
            ProvinceCode = province,
            Title = "Kế hoạch thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 (dữ liệu mẫu)",
            DocumentNumber = $"{rng.Next(100, 400)}/KH-UBND (dữ liệu mẫu)",
            IssuedOn = new DateOnly(2025, 10, 1).AddDays(rng.Next(0, 45)),
            FromYear = 2025,
            ToYear = 2030,
            TotalBudgetVnd = (long)(163_330_000_000 * scale / 1_000_000) * 1_000_000,
            CreatedAt = now,
        };
        plans.Add(plan);

        foreach (var (section, title, lead, partners, due, project, recurrence, percent) in DemoPlan.TaskList)
        {
            var template = new PlanTask
            {
                Title = title,
                Section = section,
                LeadAgencyCode = Code(lead),
                PartnerAgencyCodes = string.Join(",", partners.Select(Code)),
                DueText = due,
                DueOn = Deadline.Parse(due)!.Value,
                ProjectCode = project,
                Recurrence = recurrence,
            };
            var occurrences = AddTask.Occurrences(plan, template, now);
            var first = NextId();
            for (var i = 0; i < occurrences.Count; i++)
            {
                var task = occurrences[i];
                task.Id = i == 0 ? first : NextId();
                task.SeriesId = occurrences.Count > 1 ? first : null;
                task.Version = NextId();
                tasks.Add(task);
                // Only occurrences that have started report progress; provinces are ahead or behind the demo province.
                if (percent is not { } basePercent || task.DueOn.AddMonths(-6) > today)
                    continue;
                var p = basePercent == 100 && rng.NextDouble() < 0.75 ? 100 : Math.Clamp(basePercent + rng.Next(-40, 31), 0, 100);
                if (p == 0)
                    continue;
                var reportedOn = task.DueOn < today ? task.DueOn.AddDays(-rng.Next(0, 20)) : today.AddDays(-rng.Next(1, 30));
                var status = TaskStatuses.FromPercent(p);
                task.Status = status;
                task.Percent = p;
                task.LastReportedOn = reportedOn;
                var at = Utc(reportedOn, 3);
                progress.Add(new TaskProgress
                {
                    Id = NextId(),
                    TaskId = task.Id,
                    ReportedOn = reportedOn,
                    Percent = p,
                    Status = status,
                    Note = p == 100 ? "Đã hoàn thành nhiệm vụ (dữ liệu mẫu)." : $"Đang triển khai, đạt khoảng {p}% (dữ liệu mẫu).",
                    UserName = "demo",
                    At = at,
                });
                if (status != TaskStatuses.Done)
                    continue;

                // A completion goes to the standing agency for confirmation (ConfirmTasks): most are confirmed, some wait, a few
                // are returned with a reason and the task is in progress again.
                var roll = rng.NextDouble();
                task.Confirmation = ReviewStatuses.Submitted;
                Event(ConfirmTasks.SubjectType, task.Id, at, ReviewFlow.Submit);
                var decided = at.AddDays(rng.Next(1, 10));
                if (decided > now)
                    continue;
                if (roll < 0.65)
                {
                    task.Confirmation = ReviewStatuses.Approved;
                    Event(ConfirmTasks.SubjectType, task.Id, decided, ReviewFlow.Approve, snapshot: JsonSerializer.Serialize(new { status = task.Status, percent = task.Percent, reportedOn = task.LastReportedOn }));
                }
                else if (roll < 0.8)
                {
                    const string reason = "Chưa có tài liệu minh chứng kết quả (dữ liệu mẫu).";
                    task.Confirmation = ReviewStatuses.Returned;
                    Event(ConfirmTasks.SubjectType, task.Id, decided, ReviewFlow.Return, reason);
                    task.Status = TaskStatuses.InProgress;
                    task.Percent = 90;
                    progress.Add(new TaskProgress { Id = NextId(), TaskId = task.Id, ReportedOn = reportedOn, Percent = 90, Status = TaskStatuses.InProgress, Note = "Trả lại kết quả: " + reason, UserName = "demo", At = decided });
                }
            }
        }

        var shares = new (string Project, string Lead, string Source, long PerYear)[]
        {
            ("DA1", "ca", "central-recurrent", 4_200_000_000), ("DA2", "ca", "central-investment", 2_500_000_000),
            ("DA3.TDA1", "bchqs", "central-investment", 3_100_000_000), ("DA4", "ca", "provincial", 6_800_000_000),
            ("DA5", "ca", "provincial", 9_500_000_000), ("DA6", "syt", "provincial", 5_400_000_000),
            ("DA7.TDA1", "svhttdl", "provincial", 1_200_000_000), ("DA7.TDA2", "ca", "provincial", 1_600_000_000),
            ("DA7.TDA3", "sgddt", "provincial", 900_000_000), ("DA7.TDA4", "ldld", "socialised", 400_000_000),
            ("DA8", "stp", "provincial", 600_000_000), ("DA9", "ca", "central-recurrent", 1_300_000_000),
        };
        foreach (var (project, lead, source, perYear) in shares)
        {
            foreach (var year in new[] { 2025, 2026, 2027 })
            {
                var allocated = (long)(perYear * scale / 1_000_000) * 1_000_000;
                var rate = year < today.Year ? 0.8 + (rng.NextDouble() * 0.2) : year == today.Year ? 0.2 + (rng.NextDouble() * 0.6) : 0;
                budget.Add(new BudgetLine
                {
                    PlanId = plan.Id,
                    ProjectCode = project,
                    Year = year,
                    Source = source,
                    ProvinceCode = province,
                    AgencyCode = Code(lead),
                    AllocatedVnd = allocated,
                    DisbursedVnd = (long)(allocated * rate / 1_000_000) * 1_000_000,
                    UpdatedAt = now,
                });
            }
        }
    }

    // --- reports -------------------------------------------------------------------------------------------------------------

    private readonly Dictionary<string, string> _templateJson = [];

    private void AddReport(List<Report> reports, ReportTemplate template, ReportingPeriod period, string kind, string code, string province, string? commune,
        RegistryFigures? figures, List<PlanTask>? tasks = null, List<BudgetLine>? budget = null)
    {
        // About half approved, a fifth waiting for review, some returned or still drafts, the rest missing (not started).
        var roll = rng.NextDouble();
        if (roll < 0.12)
            return;
        var status = roll < 0.18 ? ReviewStatuses.Draft : roll < 0.26 ? ReviewStatuses.Returned : roll < 0.46 ? ReviewStatuses.Submitted : ReviewStatuses.Approved;
        var options = new ReportingOptions();
        var dueOn = period.DueOn(options, kind);
        var values = figures is not null ? CommuneValues(template, period, commune!, figures, out var notes) : AgencyValues(code, period, tasks!, budget!, out notes);
        var json = JsonSerializer.Serialize(values, ReportJson.Options);
        var created = Utc(period.To.AddDays(-rng.Next(0, 10)), 2);
        DateTime? submitted = status == ReviewStatuses.Draft ? null : Utc(rng.NextDouble() < 0.8 ? dueOn.AddDays(-rng.Next(0, 3)) : dueOn.AddDays(rng.Next(1, 25)), 3);
        DateTime? approved = status == ReviewStatuses.Approved ? submitted!.Value.AddDays(rng.Next(1, 12)) : null;
        if (approved > now)
            approved = now;
        if (!_templateJson.TryGetValue(template.Code, out var definition))
            _templateJson[template.Code] = definition = template.ToJson();
        var report = new Report
        {
            Id = NextId(),
            TemplateCode = template.Code,
            TemplateVersion = template.Version,
            Template = definition,
            Period = period.Code,
            ReporterKind = kind,
            ReporterCode = code,
            ProvinceCode = province,
            CommuneCode = commune,
            Status = status,
            DueOn = dueOn,
            CreatedAt = created,
            SubmittedAt = submitted,
            ApprovedAt = approved,
            Values = json,
            Notes = JsonSerializer.Serialize(notes, ReportJson.Options),
            Version = NextId(),
        };
        reports.Add(report);
        Event(Report.SubjectType, report.Id, created, ReviewFlow.Created);
        if (submitted is null)
            return;
        Event(Report.SubjectType, report.Id, submitted.Value, ReviewFlow.Submit);
        if (status == ReviewStatuses.Returned)
            Event(Report.SubjectType, report.Id, submitted.Value.AddDays(rng.Next(1, 6)), ReviewFlow.Return, "Số liệu chưa khớp với sổ quản lý, đề nghị rà soát lại (dữ liệu mẫu).");
        else if (approved is not null)
            Event(Report.SubjectType, report.Id, approved.Value, ReviewFlow.Approve, snapshot: json);
    }

    private Dictionary<string, object> CommuneValues(ReportTemplate template, ReportingPeriod period, string commune, RegistryFigures figures, out Dictionary<string, string> notes)
    {
        notes = [];
        var values = new Dictionary<string, object>();
        var computed = figures.For(period, commune);
        // Most communes report what the registry shows; some differ on one figure and say why (the note the review asks for).
        var differs = rng.NextDouble() < 0.1;
        foreach (var field in template.Fields)
        {
            if (field.Type == FieldTypes.Text)
            {
                values[field.Code] = "Tình hình cơ bản ổn định; tiếp tục rà soát, quản lý người sử dụng trái phép chất ma túy trên địa bàn (dữ liệu mẫu).";
                continue;
            }

            if (field.Type != FieldTypes.Number)
                continue;
            if (field.Binding is { } binding)
            {
                var parts = binding.Split('.');
                var figure = computed.GetValueOrDefault(parts[0]);
                var key = parts.Length == 3 ? $"{parts[1]}.{parts[2]}" : "";
                values[field.Code] = figure?.GetValueOrDefault(key) ?? 0m;
                continue;
            }

            values[field.Code] = field.Code switch
            {
                "X01.LOC.community" => computed["persons-under-management"].GetValueOrDefault(""),
                _ when field.Code.StartsWith("X01.", StringComparison.Ordinal) || field.Code.StartsWith("X03.", StringComparison.Ordinal) || field.Code.StartsWith("X06.", StringComparison.Ordinal) => 0m,
                "X16.heroin-g" or "X16.synthetic-g" or "X16.cannabis-g" => Math.Round((decimal)(rng.NextDouble() * 50), 1),
                "X19.people" => rng.Next(50, 2000),
                _ => rng.Next(0, 12),
            };
        }

        if (differs)
        {
            var bound = template.Fields.Where(f => f.Binding is not null && !f.Binding.Contains('.')).ToList();
            var field = bound[rng.Next(bound.Count)];
            values[field.Code] = (decimal)values[field.Code] + rng.Next(1, 4);
            notes[field.Code] = "Số liệu theo rà soát thực tế của xã, có người chưa cập nhật trên hệ thống (dữ liệu mẫu).";
        }

        return values;
    }

    private Dictionary<string, object> AgencyValues(string agency, ReportingPeriod period, List<PlanTask> tasks, List<BudgetLine> budget, out Dictionary<string, string> notes)
    {
        notes = [];
        string Number(long v) => v.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
        var results = tasks.Where(t => t.LeadAgencyCode == agency && t.DueOn <= period.To.AddMonths(6)).Take(20)
            .Select(t => new[] { t.Id.ToString()[..8], t.Title, "Chủ trì", t.DueText, TaskStatuses.Names[t.Status], t.Percent.ToString(CultureInfo.InvariantCulture), t.Percent == 100 ? "Báo cáo kết quả kèm minh chứng (dữ liệu mẫu)" : "" }).ToList();
        var funds = budget.Where(b => b.AgencyCode == agency && b.Year == period.Year)
            .Select(b => new[] { b.ProjectCode, b.Source, Number(b.AllocatedVnd), Number(b.AllocatedVnd), Number(b.DisbursedVnd / 2), Number(b.DisbursedVnd), b.AllocatedVnd == 0 ? "0" : (100 * b.DisbursedVnd / b.AllocatedVnd).ToString(CultureInfo.InvariantCulture) }).ToList();
        var schools = rng.Next(20, 400);
        var workers = rng.Next(0, 20_000);
        return new Dictionary<string, object>
        {
            ["D02"] = results,
            ["D04"] = funds,
            ["D05.sessions"] = rng.Next(2, 60),
            ["D05.people"] = rng.Next(100, 20_000),
            ["D05.articles"] = rng.Next(0, 80),
            ["D06.inspections"] = rng.Next(0, 15),
            ["D07.schools-total"] = schools,
            ["D07.schools-educating"] = (int)(schools * (0.7 + (rng.NextDouble() * 0.3))),
            ["D07.workers-total"] = workers,
            ["D07.workers-educated"] = (int)(workers * rng.NextDouble()),
            ["D08"] = "Nguồn lực còn hạn chế; phối hợp giữa các cơ quan có lúc chưa chặt chẽ (dữ liệu mẫu).",
            ["D09"] = "Tiếp tục triển khai các nhiệm vụ được giao theo Kế hoạch của Ủy ban nhân dân tỉnh (dữ liệu mẫu).",
        };
    }

    /// <summary>
    /// The figures <see cref="ReportFigures"/> computes for a commune, taken from the generated rows in memory (stocks at the period's
    /// end, flows inside its window), so a generated report agrees with the registry exactly as a diligent commune's would.
    /// </summary>
    private sealed class RegistryFigures(Registry registry)
    {
        private readonly ILookup<string, ListEntry> _lists = registry.Lists.ToLookup(l => l.CommuneCode);
        private readonly Dictionary<Guid, Person> _persons = registry.Persons.ToDictionary(p => p.Id);
        private readonly ILookup<string, Hotspot> _hotspots = registry.Hotspots.ToLookup(h => h.CommuneCode);
        private readonly ILookup<string, CultivationFind> _finds = registry.Finds.ToLookup(f => f.CommuneCode);
        private ILookup<string, CaseRecord>? _byCommune;

        public Dictionary<string, Dictionary<string, decimal>> For(ReportingPeriod period, string commune)
        {
            _byCommune ??= registry.Records.Where(r => r.Kind is CaseEventKinds.DrugTest or CaseEventKinds.RehabRegistration or CaseEventKinds.DossierOpening)
                .ToLookup(r => _persons[r.PersonId].CommuneCode);
            var (from, to) = (period.From, period.To);
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = to.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
            var lists = _lists[commune].ToList();
            Dictionary<string, decimal> People(Func<ListEntry, bool> filter)
            {
                var figures = new Dictionary<string, decimal> { [""] = 0 };
                void Add(string key) => figures[key] = figures.GetValueOrDefault(key) + 1;
                foreach (var id in lists.Where(filter).Select(l => l.PersonId).Distinct())
                {
                    var p = _persons[id];
                    figures[""]++;
                    Add(p.Sex == Sex.Male ? "SEX.male" : "SEX.female");
                    Add("AGE13." + ReportFigures.AgeBand(ReportFigures.AgeAt(p.DateOfBirth, p.BirthYear, to)));
                    Add(string.Equals(p.Ethnicity?.Trim(), "Kinh", StringComparison.OrdinalIgnoreCase) ? "ETH.kinh" : "ETH.other");
                }

                return figures;
            }

            static Dictionary<string, decimal> Total(decimal value) => new() { [""] = value };
            var records = _byCommune[commune].Where(r => r.OccurredAt >= start && r.OccurredAt <= end).ToList();
            var hotspots = _hotspots[commune].ToList();
            return new Dictionary<string, Dictionary<string, decimal>>
            {
                ["persons-under-management"] = People(l => (l.List == LegalLists.Users || l.List == LegalLists.Addicted) && l.FromOn <= to && (l.ToOn == null || l.ToOn > to)),
                ["new-under-management"] = People(l => l.List == LegalLists.Users && l.FromOn >= from && l.FromOn <= to),
                ["new-addicted"] = People(l => l.List == LegalLists.Addicted && l.FromOn >= from && l.FromOn <= to),
                ["post-rehab"] = People(l => l.List == LegalLists.PostRehab && l.FromOn <= to && (l.ToOn == null || l.ToOn > to)),
                ["in-rehab"] = People(l => l.List == LegalLists.InRehab && l.FromOn <= to && (l.ToOn == null || l.ToOn > to)),
                ["ended-management"] = Total(lists.Where(l => (l.List == LegalLists.Users || l.List == LegalLists.Addicted) && l.ToOn >= from && l.ToOn <= to).Select(l => l.PersonId).Distinct().Count()),
                ["rehab-decisions"] = Total(records.Count(r => r.Kind is CaseEventKinds.RehabRegistration or CaseEventKinds.DossierOpening)),
                ["drug-tests"] = Total(records.Count(r => r.Kind == CaseEventKinds.DrugTest)),
                ["drug-tests-positive"] = Total(records.Count(r => r.Kind == CaseEventKinds.DrugTest && r.Payload.Contains("\"result\":\"positive\"", StringComparison.Ordinal))),
                ["hotspots-detected"] = Total(hotspots.Count(h => h.DetectedOn >= from && h.DetectedOn <= to)),
                ["hotspots-cleared"] = Total(hotspots.Count(h => h.ClearedOn >= from && h.ClearedOn <= to)),
                ["hotspots-remaining"] = Total(hotspots.Count(h => h.DetectedOn <= to && (h.ClearedOn == null || h.ClearedOn > to))),
                ["cultivation-area"] = Total(_finds[commune].Where(c => c.FoundOn >= from && c.FoundOn <= to).Sum(c => c.AreaM2)),
            };
        }
    }

    // --- enforcement and tips ----------------------------------------------------------------------------------------------

    private static readonly (string Substance, string Unit, double Weight, int Max)[] Substances =
    [
        ("methamphetamine", "g", 0.40, 2_000), ("heroin", "g", 0.20, 1_500), ("mdma", "tablet", 0.10, 3_000), ("cannabis", "g", 0.10, 5_000),
        ("ketamine", "g", 0.08, 800), ("opium", "g", 0.04, 1_000), ("cannabis-plant", "plant", 0.04, 500), ("synthetic-other", "g", 0.04, 500),
    ];

    private static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];

    private static readonly string[] Given = ["Văn Hùng", "Văn Dũng", "Đức Anh", "Minh Tuấn", "Văn Nam", "Quang Huy", "Thị Lan", "Văn Cường", "Hoàng Long", "Thị Hoa", "Văn Sơn", "Văn Thắng"];

    private (List<DrugCase>, List<CaseSuspect>, List<Seizure>, List<ProsecutionStage>) AddCases(List<(string Code, string ProvinceCode)> communes, IReadOnlyList<Person> persons)
    {
        var byCommune = persons.ToLookup(p => p.CommuneCode);
        var cases = new List<DrugCase>();
        var suspects = new List<CaseSuspect>();
        var seizures = new List<Seizure>();
        var stages = new List<ProsecutionStage>();
        var first = new DateOnly(today.Year - 1, 1, 1);
        var span = today.DayNumber - first.DayNumber;
        foreach (var (commune, province) in communes)
        {
            // About 25,000 drug cases a year nationally, unevenly: most communes a few, hot spots many.
            var count = rng.NextDouble() < 0.1 ? rng.Next(8, 30) : rng.Next(0, 6);
            var residents = byCommune[commune].ToList();
            for (var k = 0; k < count; k++)
            {
                var routeRoll = rng.NextDouble();
                var route = routeRoll < 0.8 ? CaseRoutes.Inland : routeRoll < 0.86 ? CaseRoutes.LandBorder : routeRoll < 0.88 ? CaseRoutes.Sea : routeRoll < 0.9 ? CaseRoutes.Air : routeRoll < 0.94 ? CaseRoutes.ExpressDelivery : CaseRoutes.Cyber;
                var offenceRoll = rng.NextDouble();
                var offences = offenceRoll < 0.45 ? "249" : offenceRoll < 0.7 ? "251" : offenceRoll < 0.8 ? "249,251" : offenceRoll < 0.88 ? "250" : offenceRoll < 0.95 ? "255" : "256";
                var detected = first.AddDays(rng.Next(0, span));
                var drugCase = new DrugCase
                {
                    Id = NextId(),
                    ProvinceCode = province,
                    CommuneCode = commune,
                    DetectingUnit = route == CaseRoutes.LandBorder ? "Đồn Biên phòng" : rng.NextDouble() < 0.6 ? "Công an xã" : "Phòng Cảnh sát điều tra tội phạm về ma túy",
                    DetectedOn = detected,
                    Route = route,
                    Organised = rng.NextDouble() < 0.1,
                    Transnational = route is CaseRoutes.LandBorder or CaseRoutes.Sea or CaseRoutes.Air && rng.NextDouble() < 0.5,
                    Offences = offences,
                    Summary = "Vụ án mẫu (dữ liệu mẫu).",
                    RecordedAt = Utc(detected, 4),
                    Version = NextId(),
                };
                cases.Add(drugCase);
                var people = 0;
                for (var s = rng.Next(1, 5); s > 0; s--, people++)
                {
                    // Some suspects are people the commune already manages (the link the register keeps).
                    if (residents.Count > 0 && rng.NextDouble() < 0.3)
                    {
                        var person = residents[rng.Next(residents.Count)];
                        suspects.Add(new CaseSuspect { Id = NextId(), CaseId = drugCase.Id, PersonId = person.Id, BirthYear = person.BirthYear, Resident = true });
                    }
                    else
                    {
                        var resident = rng.NextDouble() < 0.6;
                        suspects.Add(new CaseSuspect
                        {
                            Id = NextId(),
                            CaseId = drugCase.Id,
                            FullNameProtected = protector.Encrypt($"{Family[rng.Next(Family.Length)]} {Given[rng.Next(Given.Length)]}"),
                            BirthYear = rng.Next(1965, 2008),
                            ResidenceProtected = protector.Encrypt(resident ? $"Tổ {rng.Next(1, 30)}" : "Ngoài địa bàn xã"),
                            Resident = resident,
                        });
                    }
                }

                var seized = new HashSet<string>();
                for (var s = rng.Next(1, 3); s > 0; s--)
                {
                    var pick = rng.NextDouble();
                    var substance = Substances[^1];
                    foreach (var candidate in Substances)
                    {
                        if ((pick -= candidate.Weight) < 0)
                        {
                            substance = candidate;
                            break;
                        }
                    }

                    var quantity = substance.Unit == "g" ? Math.Round((decimal)(rng.NextDouble() * substance.Max), 2) + 0.01m : rng.Next(1, substance.Max);
                    if (!seized.Add(substance.Substance))
                        continue;
                    seizures.Add(new Seizure { Id = NextId(), CaseId = drugCase.Id, Substance = substance.Substance, Quantity = quantity, Unit = substance.Unit });
                }

                var on = detected;
                foreach (var (stage, chance) in new[] { ("prosecuted", 0.8), ("indicted", 0.75), ("tried", 0.7) })
                {
                    on = on.AddDays(rng.Next(5, 90));
                    if (on > today || rng.NextDouble() > chance)
                        break;
                    stages.Add(new ProsecutionStage { Id = NextId(), CaseId = drugCase.Id, Stage = stage, On = on, Persons = people });
                }
            }
        }

        return (cases, suspects, seizures, stages);
    }

    private List<Tip> AddTips(List<(string Code, string ProvinceCode)> communes, List<DrugCase> cases)
    {
        const string alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        string Letters(int n) => new([.. Enumerable.Range(0, n).Select(_ => alphabet[rng.Next(alphabet.Length)])]);
        var codes = new HashSet<string>();
        var caseOf = cases.GroupBy(c => c.CommuneCode).ToDictionary(g => g.Key, g => g.First().Id);
        var categories = TipCategories.All;
        var tips = new List<Tip>();
        foreach (var (commune, province) in communes)
        {
            for (var k = rng.NextDouble() < 0.5 ? 0 : rng.Next(1, 5); k > 0; k--)
            {
                string code;
                do
                    code = $"TG-{Letters(4)}-{Letters(4)}";
                while (!codes.Add(code));
                var received = today.AddDays(-rng.Next(0, 365));
                var roll = rng.NextDouble();
                var status = roll < 0.15 ? TipStatuses.Received : roll < 0.4 ? TipStatuses.InProgress : TipStatuses.Closed;
                var category = categories[rng.Next(categories.Count)];
                var outcomeRoll = rng.NextDouble();
                var outcome = status != TipStatuses.Closed ? null : outcomeRoll < 0.45 ? TipOutcomes.Confirmed : outcomeRoll < 0.9 ? TipOutcomes.NotConfirmed : TipOutcomes.Duplicate;
                var closed = status == TipStatuses.Closed ? received.AddDays(rng.Next(1, 30)) : (DateOnly?)null;
                if (closed > today)
                    closed = today;
                var updated = closed ?? (status == TipStatuses.InProgress ? received.AddDays(rng.Next(0, 5)) : received);
                if (updated > today)
                    updated = today;
                tips.Add(new Tip
                {
                    Id = NextId(),
                    ReceiptCode = code,
                    SecretHash = TipSecrets.HashHex($"{Letters(5)}-{Letters(5)}-{Letters(5)}-{Letters(5)}"),
                    ProvinceCode = province,
                    // A tip waits at the province until it is routed to a commune.
                    CommuneCode = status == TipStatuses.Received && rng.NextDouble() < 0.5 ? "" : commune,
                    ReportedCommuneCode = rng.NextDouble() < 0.7 ? commune : null,
                    Category = category,
                    TextProtected = protector.Encrypt($"Phản ánh: {TipCategories.Names[category].ToLowerInvariant()} tại khu dân cư (dữ liệu mẫu)."),
                    OccurredOn = rng.NextDouble() < 0.6 ? received.AddDays(-rng.Next(0, 10)) : null,
                    ReceivedOn = received,
                    Status = status,
                    UpdatedOn = updated,
                    Outcome = outcome,
                    OutcomeNote = outcome is null ? null : "Đã xác minh (dữ liệu mẫu).",
                    CaseId = outcome == TipOutcomes.Confirmed && category == "selling" && caseOf.TryGetValue(commune, out var caseId) ? caseId : null,
                    ClosedOn = closed,
                });
            }
        }

        return tips;
    }
}
