using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Agencies;

namespace Pcmt.Features.Plans;

/// <summary>
/// Demo data (dữ liệu mẫu): a plan for the demo province built from the real structure of Lâm Đồng's plan (seed 000 §III:
/// its sections, its lead agencies, the projects of §III.9) with the budget of Thái Nguyên's scheme (seed 003,
/// 163,330,000,000 VND for 2026–2030), a spread of statuses and deadlines, and budget lines. Marked "(dữ liệu mẫu)".
/// </summary>
public static class DemoPlan
{
    internal static readonly (string Key, string Name, string Kind)[] AgencyList =
    [
        ("ca", "Công an tỉnh", AgencyKinds.Police),
        ("syt", "Sở Y tế", AgencyKinds.Department),
        ("sgddt", "Sở Giáo dục và Đào tạo", AgencyKinds.Department),
        ("svhttdl", "Sở Văn hóa, Thể thao và Du lịch", AgencyKinds.Department),
        ("snv", "Sở Nội vụ", AgencyKinds.Department),
        ("stc", "Sở Tài chính", AgencyKinds.Department),
        ("sct", "Sở Công Thương", AgencyKinds.Department),
        ("snnmt", "Sở Nông nghiệp và Môi trường", AgencyKinds.Department),
        ("sdttg", "Sở Dân tộc và Tôn giáo", AgencyKinds.Department),
        ("stp", "Sở Tư pháp", AgencyKinds.Department),
        ("bchqs", "Bộ Chỉ huy quân sự tỉnh", AgencyKinds.Military),
        ("ldld", "Liên đoàn Lao động tỉnh", AgencyKinds.MassOrganisation),
        ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", AgencyKinds.MassOrganisation),
        ("td", "Tỉnh đoàn", AgencyKinds.MassOrganisation),
        ("vks", "Viện Kiểm sát nhân dân tỉnh", AgencyKinds.Judicial),
        ("tand", "Tòa án nhân dân tỉnh", AgencyKinds.Judicial),
    ];

    /// <summary>Section, task, lead, partners, due, project, recurrence, percent reported (null: none yet).</summary>
    internal static readonly (string Section, string Title, string Lead, string[] Partners, string Due, string? Project, string Recurrence, int? Percent)[] TaskList =
    [
        ("1.1. Các sở, ban, ngành, địa phương", "Xây dựng kế hoạch cụ thể của cơ quan để triển khai Chương trình", "snv", ["ca"], "2025Q4", null, Recurrences.None, 100),
        ("1.2. Công an tỉnh", "Tham mưu Ủy ban nhân dân tỉnh kiện toàn Ban Chỉ đạo, tổ chức triển khai Chương trình trên toàn tỉnh", "ca", ["snv"], "2025Q4", "DA9", Recurrences.None, 60),
        ("2. Công an tỉnh và các sở, ban, ngành, địa phương", "Xây dựng xã, phường, đặc khu không ma túy; phân loại xã theo Quyết định 28/2025", "ca", ["mttq"], "2026", "DA4", Recurrences.Yearly, 80),
        ("3.1. Các sở, ban, ngành, địa phương", "Tuyên truyền phòng, chống ma túy gắn với Tháng hành động và Ngày toàn dân phòng, chống ma túy 26/6", "svhttdl", ["ca", "td"], "202606", "DA7.TDA1", Recurrences.None, 100),
        ("3.2. Công an tỉnh", "Truyền thông, giáo dục phòng, chống ma túy ở cơ sở", "ca", ["mttq"], "2026H2", "DA7.TDA2", Recurrences.None, 70),
        ("3.3. Bộ Chỉ huy quân sự tỉnh", "Chỉ đạo Bộ đội Biên phòng tuyên truyền, vận động Nhân dân khu vực biên giới không trồng cây có chứa chất ma túy", "bchqs", ["ca"], "2026Q4", "DA3.TDA1", Recurrences.None, 50),
        ("3.5. Sở Giáo dục và Đào tạo", "Tuyên truyền giáo dục pháp luật về phòng, chống ma túy cho học sinh, sinh viên", "sgddt", ["td"], "2026Q4", "DA7.TDA3", Recurrences.None, 30),
        ("3.6. Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo", "Phát hiện và xóa bỏ diện tích trồng cây có chứa chất ma túy", "snnmt", ["sdttg", "ca"], "2026Q3", null, Recurrences.None, 40),
        ("4.1. Công an tỉnh", "Rà soát, thống kê, quản lý người nghiện, người sử dụng trái phép chất ma túy", "ca", ["syt"], "2026Q2", "DA5", Recurrences.Quarterly, 100),
        ("4.2. Sở Y tế", "Mở rộng điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế", "syt", ["ca"], "2026Q4", "DA6", Recurrences.None, 65),
        ("4.2. Sở Y tế", "Bảo đảm cơ sở y tế đủ điều kiện xác định tình trạng nghiện", "syt", ["snv"], "2025Q4", "DA6", Recurrences.None, 20),
        ("4.3. Sở Nội vụ", "Hỗ trợ người sau cai nghiện học nghề, tìm việc làm, hòa nhập cộng đồng", "snv", ["ldld"], "2027", "DA5", Recurrences.None, null),
        ("4.4. Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh", "Bảo đảm tiến độ điều tra, truy tố, xét xử nghiêm các vụ án về ma túy", "vks", ["tand", "ca"], "2026H2", null, Recurrences.None, null),
        ("4.5. Sở Tài chính", "Tham mưu bố trí kinh phí thực hiện Chương trình hằng năm", "stc", ["ca"], "2026Q4", "DA9", Recurrences.Yearly, 90),
        ("5.1. Công an tỉnh và các địa phương", "Đấu tranh triệt phá các đường dây, tổ chức tội phạm ma túy", "ca", ["bchqs"], "2026Q4", "DA1", Recurrences.None, 75),
        ("5.2. Bộ Chỉ huy quân sự tỉnh", "Tuần tra, kiểm soát chặt chẽ người, phương tiện, hàng hóa qua lại biên giới", "bchqs", ["ca"], "202612", "DA3.TDA1", Recurrences.None, 55),
        ("6.2. Sở Công Thương", "Quản lý hoạt động kinh doanh tiền chất công nghiệp", "sct", ["ca"], "2026H1", null, Recurrences.None, 100),
        ("6.3. Sở Y tế", "Kiểm soát thuốc gây nghiện, thuốc hướng thần, tiền chất dùng làm thuốc", "syt", [], "2026Q4", "DA6", Recurrences.None, null),
        ("8.1. Sở Tài chính", "Hướng dẫn lập dự toán, phân bổ kinh phí các Dự án, Tiểu dự án", "stc", ["ca"], "2026Q1", "DA9", Recurrences.None, 100),
        ("9. Các sở, ban, ngành", "Ứng dụng khoa học và công nghệ trong phòng, chống ma túy", "ca", [], "2027H1", "DA2", Recurrences.None, 10),
        ("9. Các sở, ban, ngành", "Tuyên truyền phòng, chống ma túy cho công nhân lao động các khu công nghiệp", "ldld", ["ca"], "2026Q4", "DA7.TDA4", Recurrences.None, 45),
        ("9. Các sở, ban, ngành", "Trợ giúp pháp lý và giáo dục pháp luật trong phòng, chống ma túy", "stp", ["ca"], "2026Q4", "DA8", Recurrences.None, null),
        ("10. Ủy ban nhân dân các xã, phường, đặc khu", "Báo cáo kết quả thực hiện Chương trình 6 tháng, năm về Ủy ban nhân dân tỉnh (qua Công an tỉnh)", "ca", ["snv"], "2026H1", "DA9", Recurrences.HalfYearly, 100),
    ];

    /// <summary>Adds the demo plan once per province (nothing when its agencies are already registered).</summary>
    public static async Task AddAsync(AppDbContext db, string provinceCode, DateOnly today, CancellationToken cancellationToken)
    {
        string Code(string key) => $"{key}-{provinceCode}";
        var standing = Code("ca");
        if (await db.Agencies.AnyAsync(a => a.Code == standing, cancellationToken))
            return;
        var now = DateTime.UtcNow;
        foreach (var (key, name, kind) in AgencyList)
            db.Agencies.Add(new Agency { Code = Code(key), Name = name, ProvinceCode = provinceCode, Kind = kind, CreatedAt = now });

        var plan = new Plan
        {
            ProvinceCode = provinceCode,
            Title = "Kế hoạch thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 (dữ liệu mẫu)",
            DocumentNumber = "DỮ LIỆU MẪU/KH-UBND",
            IssuedOn = new DateOnly(2025, 10, 15),
            FromYear = 2025,
            ToYear = 2030,
            TotalBudgetVnd = 163_330_000_000,
            CreatedAt = now,
        };
        db.Plans.Add(plan);

        var rng = new Random(2026);
        foreach (var (section, title, lead, partners, due, project, recurrence, percent) in TaskList)
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
            foreach (var task in AddTask.Occurrences(plan, template, now))
            {
                db.PlanTasks.Add(task);
                // Reports only on occurrences that have started; later ones stay not started.
                if (percent is not { } p || task.DueOn.AddMonths(-6) > today)
                    continue;
                var reportedOn = task.DueOn < today ? task.DueOn.AddDays(-rng.Next(0, 20)) : today.AddDays(-rng.Next(1, 30));
                var status = TaskStatuses.FromPercent(p);
                task.Status = status;
                task.Percent = p;
                task.LastReportedOn = reportedOn;
                db.TaskProgress.Add(new TaskProgress
                {
                    TaskId = task.Id,
                    ReportedOn = reportedOn,
                    Percent = p,
                    Status = status,
                    Note = p == 100 ? "Đã hoàn thành nhiệm vụ (dữ liệu mẫu)." : $"Đang triển khai, đạt khoảng {p}% (dữ liệu mẫu).",
                    UserName = "demo",
                    At = now,
                });
            }
        }

        // Budget lines: the scheme's total spread over the projects for 2025–2027, with partial disbursement of past years.
        var shares = new (string Project, string Lead, string Source, long PerYear)[]
        {
            ("DA1", "ca", "central-recurrent", 4_200_000_000),
            ("DA2", "ca", "central-investment", 2_500_000_000),
            ("DA3.TDA1", "bchqs", "central-investment", 3_100_000_000),
            ("DA4", "ca", "provincial", 6_800_000_000),
            ("DA5", "ca", "provincial", 9_500_000_000),
            ("DA6", "syt", "provincial", 5_400_000_000),
            ("DA7.TDA1", "svhttdl", "provincial", 1_200_000_000),
            ("DA7.TDA2", "ca", "provincial", 1_600_000_000),
            ("DA7.TDA3", "sgddt", "provincial", 900_000_000),
            ("DA7.TDA4", "ldld", "socialised", 400_000_000),
            ("DA8", "stp", "provincial", 600_000_000),
            ("DA9", "ca", "central-recurrent", 1_300_000_000),
        };
        foreach (var (project, lead, source, perYear) in shares)
        {
            foreach (var year in new[] { 2025, 2026, 2027 })
            {
                var rate = year < today.Year ? 0.85 + (rng.NextDouble() * 0.15) : year == today.Year ? 0.35 + (rng.NextDouble() * 0.5) : 0;
                db.BudgetLines.Add(new BudgetLine
                {
                    PlanId = plan.Id,
                    ProjectCode = project,
                    Year = year,
                    Source = source,
                    ProvinceCode = provinceCode,
                    AgencyCode = Code(lead),
                    AllocatedVnd = perYear,
                    DisbursedVnd = (long)(perYear * rate / 1_000_000) * 1_000_000,
                    UpdatedAt = now,
                });
            }
        }

        await db.SaveBulkAsync(nameof(Plan), "Kế hoạch mẫu (dữ liệu mẫu)", cancellationToken);
    }
}
