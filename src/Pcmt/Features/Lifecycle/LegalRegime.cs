namespace Pcmt.Features.Lifecycle;

/// <summary>
/// Chế độ pháp lý: which law governs a case. Durations and deadlines come from the regime of the decision
/// (Law 120/2025 Art 56; NĐ 163/2026 Art 151.1; legal-rules §0.3).
/// </summary>
public static class LegalRegime
{
    /// <summary>Luật PCMT 73/2021/QH14 with NĐ 105/2021 and NĐ 116/2021: decisions before 01/07/2026.</summary>
    public const string Law73 = "law73-2021";

    /// <summary>Luật PCMT 120/2025/QH15 with NĐ 163/2026: decisions from 01/07/2026.</summary>
    public const string Law120 = "law120-2025";

    /// <summary>Law 120/2025 Art 56 (in force 01/07/2026).</summary>
    public static readonly DateOnly Law120InForce = new(2026, 7, 1);

    public static IReadOnlyList<string> All { get; } = [Law73, Law120];

    /// <summary>The regime of a decision made on <paramref name="decisionDay"/> (Vietnam calendar day).</summary>
    public static string ForDecision(DateOnly decisionDay) => decisionDay < Law120InForce ? Law73 : Law120;

    public static string DisplayName(string regime) => regime == Law73
        ? "Luật Phòng, chống ma túy 73/2021/QH14; NĐ 105/2021/NĐ-CP, NĐ 116/2021/NĐ-CP"
        : "Luật Phòng, chống ma túy 120/2025/QH15; NĐ 163/2026/NĐ-CP";
}
