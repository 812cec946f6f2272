namespace Pcmt.Features.Classification;

/// <summary>A commune's figures over the assessment period (15/12 of the previous year → 14/12), as QĐ 28/2025/QĐ-TTg needs them.</summary>
public sealed record CommuneFigures(
    int? Residents,
    int Users,
    int DrugFreeBlockers,
    int Points,
    int Offenders,
    int ResidentOffenders,
    int Plants,
    decimal AreaM2,
    bool OnRoute,
    int WantedHiding = 0);

/// <summary>Why a commune got its class: every criterion with its value, kept with the result (the "criteria snapshot").</summary>
public sealed record CriteriaSnapshot(
    int? Residents, int Users, int DrugFreeBlockers, int Points, int Offenders, int ResidentOffenders, int Plants, decimal AreaM2, bool OnRoute,
    decimal? UsersRate, decimal? OffendersRate,
    IReadOnlyList<string> TypeI, IReadOnlyList<string> TypeII, IReadOnlyList<string> TypeIII, IReadOnlyList<string> DrugFreeFailed, string? Note, int WantedHiding = 0);

public static class CommuneClasses
{
    public const string DrugFree = "drug-free";
    public const string Type1 = "type-1";
    public const string Type2 = "type-2";
    public const string Type3 = "type-3";
    public const string Review = "review";

    public static IReadOnlyList<string> All { get; } = [DrugFree, Type1, Type2, Type3, Review];

    public static string DisplayName(string value) => value switch
    {
        DrugFree => "Không ma túy",
        Type1 => "Trọng điểm loại I",
        Type2 => "Trọng điểm loại II",
        Type3 => "Trọng điểm loại III",
        _ => "Cần xem xét",
    };

    /// <summary>Rank for "chuyển hóa" (moving down the classes): lower is better.</summary>
    public static int Rank(string value) => value switch { DrugFree => 0, Type3 => 1, Type2 => 2, Type1 => 3, _ => 4 };
}

/// <summary>
/// Phân loại xã, phường, đặc khu theo Quyết định 28/2025/QĐ-TTg: drug-free (Art 6: all three conditions), type I (Art 4.1: ≥ 3 of
/// a–đ), type II (Art 4.2: ≥ 3 of a–đ), type III (Art 4.3: ≥ 1 of a–c), otherwise review by the provincial People's Committee
/// (legal-rules §5.7). Plain C#, no I/O.
/// </summary>
public static class CommuneClassifier
{
    public const string CriteriaVersion = "qd28-2025";

    public static (string Class, CriteriaSnapshot Snapshot) Classify(CommuneFigures f)
    {
        decimal? usersRate = f.Residents is > 0 ? (decimal)f.Users / f.Residents.Value : null;
        decimal? offendersRate = f.Residents is > 0 ? (decimal)f.Offenders / f.Residents.Value : null;

        // Art 6: no resident user or addict (except on substitution therapy, in home/community rehab, under post-rehab management),
        // no resident violating the drug law, no point organising or harbouring use.
        var drugFreeFailed = new List<string>();
        if (f.DrugFreeBlockers > 0)
            drugFreeFailed.Add("6.1");
        // Illegal cultivation found in the commune is a violation of the drug law in the area (Art 6.2, interpretation).
        // Art 6.2 also requires that no person wanted for a drug crime hides in the area ("không có đối tượng truy nã về ma túy lẩn trốn").
        if (f.ResidentOffenders > 0 || f.Plants > 0 || f.AreaM2 > 0 || f.WantedHiding > 0)
            drugFreeFailed.Add("6.2");
        if (f.Points > 0)
            drugFreeFailed.Add("6.3");

        // Each measure at the type I level (Art 4.1 a–d) and at "type II or higher" (Art 4.2 a–d; legal-rules §5.7).
        var aI = usersRate >= 0.005m;
        var bI = f.Points >= 2;
        var cI = offendersRate >= 0.001m;
        var dI = f.Plants >= 3000 || f.AreaM2 >= 750m;
        var aII = usersRate >= 0.001m;
        var bII = f.Points >= 1;
        var cII = offendersRate >= 0.0005m;
        var dII = f.Plants >= 500 || f.AreaM2 >= 125m;
        var aIII = f.Users > 0;
        var bIII = f.Offenders > 0;
        var cIII = f.Plants > 0 || f.AreaM2 > 0;

        var typeI = Met(("a", aI), ("b", bI), ("c", cI), ("d", dI), ("đ", Count(aII, bII, cII, dII) >= 2 && f.OnRoute));
        var typeII = Met(("a", aII), ("b", bII), ("c", cII), ("d", dII), ("đ", Count(aIII || aII, bII, bIII || cII, cIII || dII) >= 2 && f.OnRoute));
        var typeIII = Met(("a", aIII), ("b", bIII), ("c", cIII));

        string? note = null;
        string result;
        if (drugFreeFailed.Count == 0)
            result = CommuneClasses.DrugFree;
        else if (f.Residents is not > 0 && (f.Users > 0 || f.Offenders > 0))
        {
            // Without the resident population the ratios of Art 4 a and c cannot be computed.
            result = CommuneClasses.Review;
            note = "Chưa có số nhân khẩu đang cư trú của năm đánh giá; không tính được tỷ lệ.";
        }
        else if (typeI.Count >= 3)
            result = CommuneClasses.Type1;
        else if (typeII.Count >= 3)
            result = CommuneClasses.Type2;
        else if (typeIII.Count >= 1)
            result = CommuneClasses.Type3;
        else
        {
            result = CommuneClasses.Review;
            note = "Không đủ điều kiện \"không ma túy\" nhưng không thuộc loại nào theo Điều 4 (ví dụ chỉ có một điểm tổ chức, chứa chấp): Ủy ban nhân dân tỉnh xem xét.";
        }

        return (result, new CriteriaSnapshot(f.Residents, f.Users, f.DrugFreeBlockers, f.Points, f.Offenders, f.ResidentOffenders, f.Plants, f.AreaM2, f.OnRoute,
            usersRate, offendersRate, typeI, typeII, typeIII, drugFreeFailed, note, f.WantedHiding));
    }

    /// <summary>Art 5: a province is a hotspot when it meets at least 4 of the 6 criteria.</summary>
    public static (bool Hotspot, IReadOnlyList<string> Met) ClassifyProvince(long residents, int users, int points, int offenders, int typeIAndIICommunes, int communes, int plants, decimal areaM2, bool onInterProvincialRoute)
    {
        var met = Met(
            ("1", residents > 0 && (decimal)users / residents >= 0.002m),
            ("2", points >= 5),
            ("3", residents > 0 && (decimal)offenders / residents >= 0.0005m),
            ("4", communes > 0 && (decimal)typeIAndIICommunes / communes >= 0.03m),
            ("5", plants >= 8000 || areaM2 >= 2000m),
            ("6", onInterProvincialRoute));
        return (met.Count >= 4, met);
    }

    /// <summary>The assessment period of a year (QĐ 28/2025 Art 7): 15/12 of the previous year to 14/12.</summary>
    public static (DateOnly From, DateOnly To) Period(int year) => (new DateOnly(year - 1, 12, 15), new DateOnly(year, 12, 14));

    private static int Count(params bool[] values) => values.Count(v => v);

    private static List<string> Met(params (string Name, bool Met)[] criteria) => criteria.Where(c => c.Met).Select(c => c.Name).ToList();
}
