namespace Pcmt.Features.Enforcement;

/// <summary>
/// Các tội phạm về ma túy: Bộ luật Hình sự số 100/2015/QH13 (sửa đổi, bổ sung bởi Luật số 12/2017/QH14), Chương XX, Điều 247–259,
/// and Điều 256a added by Luật số 86/2025/QH15 (in force 01/07/2025). Names as the articles' headings.
/// </summary>
public static class Offences
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["247"] = "Tội trồng cây thuốc phiện, cây côca, cây cần sa hoặc các loại cây khác có chứa chất ma túy",
        ["248"] = "Tội sản xuất trái phép chất ma túy",
        ["249"] = "Tội tàng trữ trái phép chất ma túy",
        ["250"] = "Tội vận chuyển trái phép chất ma túy",
        ["251"] = "Tội mua bán trái phép chất ma túy",
        ["252"] = "Tội chiếm đoạt chất ma túy",
        ["253"] = "Tội tàng trữ, vận chuyển, mua bán hoặc chiếm đoạt tiền chất dùng vào việc sản xuất trái phép chất ma túy",
        ["254"] = "Tội sản xuất, tàng trữ, vận chuyển, mua bán phương tiện, dụng cụ dùng vào việc sản xuất hoặc sử dụng trái phép chất ma túy",
        ["255"] = "Tội tổ chức sử dụng trái phép chất ma túy",
        ["256"] = "Tội chứa chấp việc sử dụng trái phép chất ma túy",
        ["256a"] = "Tội sử dụng trái phép chất ma túy",
        ["257"] = "Tội cưỡng bức người khác sử dụng trái phép chất ma túy",
        ["258"] = "Tội lôi kéo người khác sử dụng trái phép chất ma túy",
        ["259"] = "Tội vi phạm quy định về quản lý chất ma túy, tiền chất, thuốc gây nghiện, thuốc hướng thần",
    };

    /// <summary>Mua bán, tàng trữ, vận chuyển (Điều 249, 250, 251): the cases CASES-TREND counts (Bắc Kạn plan, 001).</summary>
    public static readonly IReadOnlyList<string> Trafficking = ["249", "250", "251"];

    public static string Label(string article) => All.TryGetValue(article, out var name) ? $"Điều {article} – {name}" : article;

    public static List<string> Split(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
}

/// <summary>Tuyến phát hiện: where a case was detected (the plans count border, sea, air, express-delivery and cyber cases).</summary>
public static class CaseRoutes
{
    public const string Inland = "inland";
    public const string LandBorder = "land-border";
    public const string Sea = "sea";
    public const string Air = "air";
    public const string ExpressDelivery = "express-delivery";
    public const string Cyber = "cyber";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [Inland] = "Nội địa",
        [LandBorder] = "Biên giới đường bộ",
        [Sea] = "Đường biển",
        [Air] = "Hàng không",
        [ExpressDelivery] = "Chuyển phát nhanh",
        [Cyber] = "Không gian mạng",
    };

    /// <summary>BORDER-CASES: "tại biên giới, đường biển, hàng không, chuyển phát nhanh" (Lâm Đồng plan 000 §II).</summary>
    public static readonly IReadOnlyList<string> Border = [LandBorder, Sea, Air, ExpressDelivery];

    public static string Name(string route) => All.GetValueOrDefault(route, route);
}

/// <summary>Đơn vị tính of a seizure; masses are converted to kilograms for totals, other units are summed as they are.</summary>
public static class SeizureUnits
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["g"] = "gam",
        ["kg"] = "kg",
        ["tablet"] = "viên",
        ["ml"] = "ml",
        ["plant"] = "cây",
    };

    /// <summary>The unit totals are given in: g and kg become kg, the others stay.</summary>
    public static string TotalUnit(string unit) => unit is "g" or "kg" ? "kg" : unit;

    public static decimal InTotalUnit(decimal quantity, string unit) => unit == "g" ? quantity / 1000m : quantity;

    public static string Name(string unit) => All.GetValueOrDefault(unit, unit);
}

/// <summary>Chất ma túy thu giữ, grouped as the UNODC Annual Report Questionnaire groups seizures.</summary>
public static class SeizedSubstances
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["heroin"] = "Heroin",
        ["opium"] = "Thuốc phiện",
        ["methamphetamine"] = "Methamphetamine (ma túy đá)",
        ["amphetamine"] = "Amphetamine",
        ["mdma"] = "MDMA (thuốc lắc)",
        ["ketamine"] = "Ketamine",
        ["cocaine"] = "Cocaine",
        ["cannabis"] = "Cần sa (lá, hoa, nhựa)",
        ["cannabis-plant"] = "Cây cần sa",
        ["opium-poppy"] = "Cây thuốc phiện",
        ["synthetic-other"] = "Ma túy tổng hợp khác",
        ["precursor"] = "Tiền chất",
        ["other"] = "Chất ma túy khác",
    };

    /// <summary>The ARQ drug group (Part III, seizures) of each substance.</summary>
    public static string ArqGroup(string substance) => substance switch
    {
        "heroin" or "opium" or "opium-poppy" => "Opioids (chất dạng thuốc phiện)",
        "methamphetamine" or "amphetamine" or "mdma" or "synthetic-other" => "Amphetamine-type stimulants (ma túy tổng hợp)",
        "cocaine" => "Cocaine-type (côca)",
        "cannabis" or "cannabis-plant" => "Cannabis (cần sa)",
        "ketamine" => "Other (khác)",
        "precursor" => "Precursors (tiền chất)",
        _ => "Other (khác)",
    };

    public static string Name(string substance) => All.GetValueOrDefault(substance, substance);
}

public static class ProsecutionStages
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["prosecuted"] = "Khởi tố",
        ["indicted"] = "Truy tố",
        ["tried"] = "Xét xử",
    };
}
