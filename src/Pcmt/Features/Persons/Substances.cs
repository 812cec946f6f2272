namespace Pcmt.Features.Persons;

/// <summary>Chất ma túy sử dụng: the substances recorded, with their API codes and Vietnamese names.</summary>
public static class Substances
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["heroin"] = "Heroin",
        ["methamphetamine"] = "Methamphetamine (ma túy đá)",
        ["mdma"] = "MDMA (thuốc lắc)",
        ["cannabis"] = "Cần sa",
        ["ketamine"] = "Ketamine",
        ["opium"] = "Thuốc phiện",
        ["disguised"] = "Ma túy núp bóng (trong thực phẩm, thuốc lá điện tử)",
        ["other"] = "Khác",
    };

    public static readonly IReadOnlyDictionary<PersonFlags, string> FlagNames = new Dictionary<PersonFlags, string>
    {
        [PersonFlags.DrugInducedPsychosis] = "Loạn thần do sử dụng ma túy",
        [PersonFlags.Pregnant] = "Đang mang thai",
        [PersonFlags.SoleCarerOfChildUnder36Months] = "Đang nuôi con dưới 36 tháng tuổi (một mình)",
        [PersonFlags.LacksAdministrativeCapacity] = "Mất năng lực hành vi dân sự",
        [PersonFlags.Foreigner] = "Người nước ngoài",
        [PersonFlags.NoStableResidence] = "Không có nơi cư trú ổn định",
    };
}
