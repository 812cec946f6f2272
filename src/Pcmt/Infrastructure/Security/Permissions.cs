using System.Reflection;

namespace Pcmt.Infrastructure.Security;

/// <summary>Permission names; each is an authorization policy, and <see cref="Roles"/> maps roles onto them.</summary>
public static class Permissions
{
    public const string ViewAdministrativeUnits = "units.view";
    public const string EditPopulation = "units.population.edit";
    public const string ManageUsers = "users.manage";
    public const string ViewAuditLog = "audit.view";
    public const string ViewPersons = "persons.view";
    public const string RegisterPersons = "persons.register";
    public const string OverrideCitizenIdCheck = "persons.citizen-id.override";
    public const string ViewPersonAccessLog = "persons.access-log.view";
    public const string BreakGlass = "persons.break-glass";
    public const string ReviewDuplicates = "persons.duplicates.review";
    public const string MergePersons = "persons.merge";
    public const string ReviewAccessGrants = "persons.break-glass.review";
    public const string RecordCases = "cases.record";
    public const string RecordHealthFindings = "cases.health";
    public const string DecidePostRehab = "cases.post-rehab";
    public const string IssueDocuments = "cases.documents";
    public const string RecordServices = "services.record";
    public const string ConfigureLegalRules = "legal.configure";
    public const string ManageFacilities = "facilities.manage";
    public const string RecordSupplySide = "supply.record";
    public const string ViewSupplySide = "supply.view";
    public const string ClassifyCommunes = "classification.run";
    public const string ClassifyCountry = "classification.run-national";
    public const string ManageTargets = "indicators.targets";

    // Sự cố dữ liệu cá nhân (issue 18)
    public const string ManageDataBreaches = "privacy.breaches";
    // Agencies, plans, tasks, projects and budget (issue 12)
    public const string ManageAgencies = "agencies.manage";
    public const string ViewPlans = "plans.view";
    public const string ManagePlans = "plans.manage";
    public const string RecordTaskProgress = "plans.progress";
    // Periodic reports (Features/Reports)
    public const string FillReports = "reports.fill";
    public const string ReviewReports = "reports.review";
    public const string LeadReports = "reports.lead";
    public const string ManageReportTemplates = "reports.templates";
    public const string ExchangeReports = "reports.exchange";
    // Tố giác (Tips): reading tips, routing them to a commune, closing them with an outcome.
    public const string ViewTips = "tips.view";
    public const string RouteTips = "tips.route";
    public const string CloseTips = "tips.close";
    // Population link and case-file corrections (issue 16)
    public const string VoidCaseRecords = "cases.void";
    public const string CheckPopulation = "persons.population-check";
    // Community (issue 15): supporters and management teams; communication and education register.
    public const string ViewTeams = "community.teams.view";
    public const string ManageTeams = "community.teams.manage";
    public const string ViewCommunication = "community.communication.view";
    public const string RecordCommunication = "community.communication.record";
    // Facility staff (issue 16): in-facility facts of residents (reception, end of stay, violations) and therapy progress
    public const string RecordResidentFacts = "cases.resident-facts";
    public const string RecordTherapyProgress = "cases.therapy-progress";
    // Lawful drug-related activities and inspections (issue 14)
    public const string ViewLawfulActivities = "lawful.view";
    public const string ManageLawfulActivities = "lawful.manage";
    // Facility staff (issue 16): record the completion of a compulsory stay with its certificate (Form 50), list and re-print the facility's certificates
    public const string IssueFacilityCertificates = "cases.facility-certificates";

    public static readonly IReadOnlyList<string> All = typeof(Permissions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();
}
