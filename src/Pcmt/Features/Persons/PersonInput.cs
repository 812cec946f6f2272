using System.ComponentModel.DataAnnotations;

namespace Pcmt.Features.Persons;

/// <summary>The fields of a person record, as the registration and edit forms, the API and imports send them.</summary>
public record PersonInput
{
    [Display(Name = "Họ và tên")]
    [Required(ErrorMessage = Messages.Required), StringLength(100, ErrorMessage = Messages.MaxLength)]
    public string? FullName { get; init; }

    [Display(Name = "Tên gọi khác")]
    public List<string>? Aliases { get; init; }

    [Display(Name = "Ngày sinh")]
    [Required(ErrorMessage = Messages.Required), StringLength(10, ErrorMessage = Messages.MaxLength)]
    public string? DateOfBirth { get; init; }

    [Display(Name = "Giới tính")]
    [Required(ErrorMessage = Messages.Required)]
    [RegularExpression("^(male|female)$", ErrorMessage = "Giới tính phải là 'male' (nam) hoặc 'female' (nữ).")]
    public string? Sex { get; init; }

    [Display(Name = "Số định danh cá nhân")]
    [StringLength(20, ErrorMessage = Messages.MaxLength)]
    public string? CitizenId { get; init; }

    [Display(Name = "Lý do chấp nhận số định danh không khớp")]
    [StringLength(500, ErrorMessage = Messages.MaxLength)]
    public string? CitizenIdOverrideReason { get; init; }

    [Display(Name = "Số CMND cũ (9 số)")]
    [StringLength(20, ErrorMessage = Messages.MaxLength)]
    public string? LegacyId { get; init; }

    [Display(Name = "Số điện thoại")]
    [StringLength(20, ErrorMessage = Messages.MaxLength)]
    [RegularExpression(@"^\+?[0-9 .\-]{8,20}$", ErrorMessage = "Số điện thoại chỉ gồm chữ số (8–15 số), có thể bắt đầu bằng +.")]
    public string? Phone { get; init; }

    [Display(Name = "Dân tộc"), StringLength(50, ErrorMessage = Messages.MaxLength)]
    public string? Ethnicity { get; init; }

    [Display(Name = "Nghề nghiệp"), StringLength(100, ErrorMessage = Messages.MaxLength)]
    public string? Occupation { get; init; }

    [Display(Name = "Trình độ học vấn"), StringLength(100, ErrorMessage = Messages.MaxLength)]
    public string? Education { get; init; }

    [Display(Name = "Tình trạng hôn nhân"), StringLength(50, ErrorMessage = Messages.MaxLength)]
    public string? MaritalStatus { get; init; }

    [Display(Name = "Xã/phường nơi ở hiện tại")]
    [Required(ErrorMessage = Messages.Required), StringLength(5, ErrorMessage = Messages.MaxLength)]
    public string? ResidenceCommuneCode { get; init; }

    [Display(Name = "Địa chỉ nơi ở hiện tại"), StringLength(200, ErrorMessage = Messages.MaxLength)]
    public string? Address { get; init; }

    [Display(Name = "Xã/phường thường trú"), StringLength(5, ErrorMessage = Messages.MaxLength)]
    public string? PermanentCommuneCode { get; init; }

    [Display(Name = "Địa chỉ thường trú"), StringLength(200, ErrorMessage = Messages.MaxLength)]
    public string? PermanentAddress { get; init; }

    [Display(Name = "Xã/phường tạm trú"), StringLength(5, ErrorMessage = Messages.MaxLength)]
    public string? TemporaryCommuneCode { get; init; }

    [Display(Name = "Địa chỉ tạm trú"), StringLength(200, ErrorMessage = Messages.MaxLength)]
    public string? TemporaryAddress { get; init; }

    [Display(Name = "Người giám hộ"), StringLength(100, ErrorMessage = Messages.MaxLength)]
    public string? GuardianName { get; init; }

    [Display(Name = "Quan hệ với người giám hộ"), StringLength(50, ErrorMessage = Messages.MaxLength)]
    public string? GuardianRelation { get; init; }

    [Display(Name = "Điện thoại người giám hộ"), StringLength(20, ErrorMessage = Messages.MaxLength)]
    [RegularExpression(@"^\+?[0-9 .\-]{8,20}$", ErrorMessage = "Số điện thoại chỉ gồm chữ số (8–15 số), có thể bắt đầu bằng +.")]
    public string? GuardianPhone { get; init; }

    [Display(Name = "Chất ma túy sử dụng")]
    public List<string>? Substances { get; init; }

    [Display(Name = "Tình trạng đặc biệt")]
    public List<string>? Flags { get; init; }

    public static readonly IReadOnlyDictionary<string, PersonFlags> FlagCodes = new Dictionary<string, PersonFlags>
    {
        ["drug-induced-psychosis"] = PersonFlags.DrugInducedPsychosis,
        ["pregnant"] = PersonFlags.Pregnant,
        ["sole-carer-of-child-under-36-months"] = PersonFlags.SoleCarerOfChildUnder36Months,
        ["lacks-administrative-capacity"] = PersonFlags.LacksAdministrativeCapacity,
        ["foreigner"] = PersonFlags.Foreigner,
        ["no-stable-residence"] = PersonFlags.NoStableResidence,
    };
}
