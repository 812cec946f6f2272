namespace Pcmt.Infrastructure.Security;

/// <summary>The roles of the API contract and what each is granted. Deny by default: a role has only what is listed.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string ProvincePolice = "province-police";
    public const string CommunePolice = "commune-police";
    public const string CommuneCommittee = "commune-committee";
    public const string HealthStaff = "health-staff";
    public const string FacilityStaff = "facility-staff";
    public const string Department = "department";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All =
        [Admin, ProvincePolice, CommunePolice, CommuneCommittee, HealthStaff, FacilityStaff, Department, Viewer];

    public static readonly IReadOnlyDictionary<string, string> DisplayNames = new Dictionary<string, string>
    {
        [Admin] = "Quản trị hệ thống",
        [ProvincePolice] = "Công an tỉnh (cơ quan thường trực)",
        [CommunePolice] = "Công an xã/phường/đặc khu",
        [CommuneCommittee] = "UBND xã/phường/đặc khu",
        [HealthStaff] = "Cán bộ y tế",
        [FacilityStaff] = "Cán bộ cơ sở cai nghiện",
        [Department] = "Sở, ban, ngành",
        [Viewer] = "Lãnh đạo, người xem số liệu tổng hợp",
    };

    private static readonly Dictionary<string, HashSet<string>> Grants = new()
    {
        [Admin] = [Permissions.ViewAdministrativeUnits, Permissions.EditPopulation, Permissions.ManageUsers, Permissions.ViewAuditLog, Permissions.ViewPersonAccessLog, Permissions.ReviewAccessGrants,
            Permissions.ConfigureLegalRules, Permissions.ManageFacilities, Permissions.ClassifyCountry,
            Permissions.ManageDataBreaches], // issue 18: breach register (Law 91/2025/QH15)
        [ProvincePolice] = [Permissions.ViewAdministrativeUnits, Permissions.EditPopulation, Permissions.ViewPersons, Permissions.RegisterPersons, Permissions.OverrideCitizenIdCheck, Permissions.ViewPersonAccessLog, Permissions.BreakGlass,
            Permissions.ReviewDuplicates, Permissions.MergePersons, Permissions.RecordCases, Permissions.RecordHealthFindings, Permissions.DecidePostRehab, Permissions.IssueDocuments, Permissions.RecordServices,
            Permissions.ManageFacilities, Permissions.RecordSupplySide, Permissions.ViewSupplySide, Permissions.ClassifyCommunes, Permissions.ManageTargets,
            Permissions.ViewTips, Permissions.RouteTips, Permissions.CloseTips],
        // The commune police chief decides management, voluntary rehab, supervision and prepares the compulsory dossier (Law 120 Art 24, 35; NĐ 163 Art 59, 91).
        [CommunePolice] = [Permissions.ViewAdministrativeUnits, Permissions.EditPopulation, Permissions.ViewPersons, Permissions.RegisterPersons, Permissions.ReviewDuplicates,
            Permissions.RecordCases, Permissions.RecordHealthFindings, Permissions.DecidePostRehab, Permissions.IssueDocuments, Permissions.RecordServices,
            Permissions.RecordSupplySide, Permissions.ViewSupplySide,
            Permissions.ViewTips, Permissions.CloseTips],
        // The commune chairperson decides post-rehab management (Law 120 Art 42; NĐ 163 Art 134) and assigns supporters.
        [CommuneCommittee] = [Permissions.ViewAdministrativeUnits, Permissions.EditPopulation, Permissions.ViewPersons, Permissions.DecidePostRehab, Permissions.IssueDocuments, Permissions.RecordServices,
            Permissions.ViewSupplySide],
        // Health staff record tests, addiction determinations and substitution therapy of the people they examine or treat.
        [HealthStaff] = [Permissions.ViewAdministrativeUnits, Permissions.ViewPersons, Permissions.RecordHealthFindings, Permissions.RecordServices],
        // Facility staff see residents of their facility: none until rehab episodes place people there (their scope has no commune).
        [FacilityStaff] = [Permissions.ViewAdministrativeUnits, Permissions.ViewPersons],
        [Department] = [Permissions.ViewAdministrativeUnits],
        [Viewer] = [Permissions.ViewAdministrativeUnits],
    };

    // Periodic reports (Features/Reports): communes and agencies fill theirs, the provincial police fill the province's and review
    // the others, the provincial leadership (viewer) approves the province's report (QĐ 127/2009/QĐ-TTg as amended by QĐ 13/2019).
    private static readonly bool ReportGrantsApplied = Apply(new()
    {
        [CommunePolice] = [Permissions.FillReports],
        [CommuneCommittee] = [Permissions.FillReports],
        [Department] = [Permissions.FillReports],
        [ProvincePolice] = [Permissions.FillReports, Permissions.ReviewReports, Permissions.ManageReportTemplates, Permissions.ExchangeReports],
        [Viewer] = [Permissions.LeadReports],
        [Admin] = [Permissions.ExchangeReports],
    });

    /// <summary>Population link and case-file corrections (issue 16): whoever records a kind of fact may void it (checked per kind); the police check identities against the national population database.</summary>
    private static readonly bool PopulationAndCorrectionGrantsApplied = Apply(new()
    {
        [ProvincePolice] = [Permissions.VoidCaseRecords, Permissions.CheckPopulation],
        [CommunePolice] = [Permissions.VoidCaseRecords, Permissions.CheckPopulation],
        [CommuneCommittee] = [Permissions.VoidCaseRecords],
        [HealthStaff] = [Permissions.VoidCaseRecords],
    });

    /// <summary>
    /// Community (issue 15): the commune police lead the Tổ quản lý (NĐ 163/2026 Art 59) and propose supporters; the commune
    /// chairperson assigns them (NĐ 163 Art 130, 136); the provincial police read the rosters. Communication and education
    /// activities are recorded by the police and the commune committee and read by leaders (viewer).
    /// </summary>
    private static readonly bool CommunityGrantsApplied = Apply(new()
    {
        [ProvincePolice] = [Permissions.ViewTeams, Permissions.ViewCommunication, Permissions.RecordCommunication],
        [CommunePolice] = [Permissions.ViewTeams, Permissions.ManageTeams, Permissions.ViewCommunication, Permissions.RecordCommunication],
        [CommuneCommittee] = [Permissions.ViewTeams, Permissions.ManageTeams, Permissions.ViewCommunication, Permissions.RecordCommunication],
        [Viewer] = [Permissions.ViewCommunication],
    });

    /// <summary>
    /// Facility staff (issue 16): the facility records the reception, end of stay and violations of its residents and a clinic
    /// the phases and end of treatment (NĐ 163/2026 Art 92; Law 120/2025 Art 33–34, 43, 45–47), and voids its own mistakes;
    /// the police and health staff keep recording these as before (they held RecordCases or RecordHealthFindings for them).
    /// </summary>
    private static readonly bool FacilityStaffGrantsApplied = Apply(new()
    {
        [ProvincePolice] = [Permissions.RecordResidentFacts, Permissions.RecordTherapyProgress],
        [CommunePolice] = [Permissions.RecordResidentFacts, Permissions.RecordTherapyProgress],
        [HealthStaff] = [Permissions.RecordTherapyProgress],
        [FacilityStaff] = [Permissions.RecordResidentFacts, Permissions.RecordTherapyProgress, Permissions.VoidCaseRecords],
    });

    /// <summary>Roles whose users open person files (health, drug use, criminal matters): two-factor sign-in is required for them.</summary>
    private static readonly HashSet<string> PersonFileReaders = [ProvincePolice, CommunePolice, CommuneCommittee, HealthStaff, FacilityStaff];

    /// <summary>Which kinds of scope a role may be given.</summary>
    private static readonly Dictionary<string, ScopeKind[]> AllowedScopes = new()
    {
        [Admin] = [ScopeKind.National, ScopeKind.Province],
        [ProvincePolice] = [ScopeKind.Province],
        [CommunePolice] = [ScopeKind.Commune],
        [CommuneCommittee] = [ScopeKind.Commune],
        [HealthStaff] = [ScopeKind.Province, ScopeKind.Commune],
        [FacilityStaff] = [ScopeKind.Facility],
        [Department] = [ScopeKind.Department],
        [Viewer] = [ScopeKind.National, ScopeKind.Province, ScopeKind.Commune],
    };

    // Agencies, plans, tasks, projects and budget (issue 12): the provincial police are the standing agency that runs the
    // province's plan; an agency (department) reports progress on its own tasks; leaders (viewer) read; admins register agencies.
    private static readonly Dictionary<string, string[]> PlanGrants = new()
    {
        [Admin] = [Permissions.ManageAgencies],
        [ProvincePolice] = [Permissions.ManageAgencies, Permissions.ViewPlans, Permissions.ManagePlans, Permissions.RecordTaskProgress],
        [Department] = [Permissions.ViewPlans, Permissions.RecordTaskProgress],
        [Viewer] = [Permissions.ViewPlans],
    };

    private static readonly bool PlanGrantsApplied = Apply(PlanGrants);

    /// <summary>
    /// Lawful drug-related activities (issue 14; 000 §III.6.1–6.4): the police keep the register of their area; a department (Công
    /// Thương, Y tế, Nông nghiệp và Môi trường) reads and records the establishments of its own sector; the commune committee reads.
    /// </summary>
    private static readonly bool LawfulActivityGrantsApplied = Apply(new()
    {
        [ProvincePolice] = [Permissions.ViewLawfulActivities, Permissions.ManageLawfulActivities],
        [CommunePolice] = [Permissions.ViewLawfulActivities, Permissions.ManageLawfulActivities],
        [Department] = [Permissions.ViewLawfulActivities, Permissions.ManageLawfulActivities],
        [CommuneCommittee] = [Permissions.ViewLawfulActivities],
    });

    /// <summary>
    /// Facility staff (issue 16): the facility director certifies the completion of compulsory rehab (Form 50; NĐ 163/2026 Art
    /// 112–125), so its staff record the completion and get the certificate in one step, and re-print the certificates the
    /// facility issued. Only the facility: the police and the commune keep printing Form 50 from the file (cases.documents).
    /// </summary>
    private static readonly bool FacilityCertificateGrantsApplied = Apply(new()
    {
        [FacilityStaff] = [Permissions.IssueFacilityCertificates],
    });

    /// <summary>Adds a feature's block of grants to <see cref="Grants"/> (initialised earlier, in declaration order).</summary>
    private static bool Apply(Dictionary<string, string[]> grants)
    {
        foreach (var (role, permissions) in grants)
            Grants[role].UnionWith(permissions);
        return true;
    }

    public static bool Exists(string? role) => role is not null && Grants.ContainsKey(role);

    public static bool IsGranted(string? role, string permission) =>
        role is not null && Grants.TryGetValue(role, out var permissions) && permissions.Contains(permission);

    public static bool ReadsPersonFiles(string role) => PersonFileReaders.Contains(role);

    /// <summary>Roles that must sign in with a second factor when Security:RequireTwoFactor is on: person-file readers, and the administrator, who controls every account.</summary>
    public static bool RequiresTwoFactor(string role) => ReadsPersonFiles(role) || role == Admin;

    public static IReadOnlyList<ScopeKind> ScopesFor(string role) => AllowedScopes.TryGetValue(role, out var kinds) ? kinds : [];

    public static IReadOnlySet<string> PermissionsOf(string role) => Grants.TryGetValue(role, out var permissions) ? permissions : new HashSet<string>();
}
