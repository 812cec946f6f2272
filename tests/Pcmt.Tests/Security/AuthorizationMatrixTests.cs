using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pcmt.Tests.Security;

/// <summary>
/// Every endpoint and page of the app's own route table × every role (and anonymous): allowed or denied as declared here.
/// A route missing from <see cref="Expected"/> fails the test, so no new route can escape it.
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class AuthorizationMatrixTests(App app)
{
    private enum Access
    {
        Anonymous,
        SignedIn,
        AdminOnly,
        EditPopulation,
        ViewPersons,
        RegisterPersons,
        PersonAccessLog,
        BreakGlass,
        ReviewDuplicates,
        MergePersons,
        RecordCases,
        RecordHealthFindings,
        DecidePostRehab,
        IssueDocuments,
        RecordServices,
        ConfigureLegalRules,
        ManageFacilities,
        RecordSupplySide,
        ViewSupplySide,
        ClassifyCommunes,
        ClassifyCommunesOrCountry,
        ManageDataBreaches,

        // Agencies, plans, tasks, projects and budget (issue 12)
        ManageAgencies,
        ViewPlans,
        ManagePlans,
        RecordTaskProgress,

        // Periodic reports
        FillReports,
        ReviewReports,
        ManageReportTemplates,
        ExchangeReports,
        ProvinceLevel,

        // Population link and case-file corrections (issue 16)
        VoidCaseRecords,
        CheckPopulation,
        ViewTips,
        RouteTips,
        WorkItemsOrBreachDeadlines, // issue 18: "Việc cần làm" also lists the A05 deadlines of open personal-data breaches

        // Community (issue 15): supporters and teams, communication and education register
        ViewTeams,
        ManageTeams,
        ViewCommunication,
        RecordCommunication,

        // Facility staff (issue 16)
        RecordResidentFacts,
        RecordTherapyProgress,

        // Lawful drug-related activities (issue 14)
        ViewLawfulActivities,
        ManageLawfulActivities,

        // Facility staff issue Form 50 and keep its register (issue 16)
        IssueFacilityCertificates,
    }

    private static readonly Dictionary<string, Access> Expected = new()
    {
        // API
        ["POST /api/v1/auth/token"] = Access.Anonymous,
        ["GET /api/v1/users/"] = Access.AdminOnly,
        ["POST /api/v1/users/"] = Access.AdminOnly,
        ["GET /api/v1/users/{id:guid}"] = Access.AdminOnly,
        ["PUT /api/v1/users/{id:guid}"] = Access.AdminOnly,
        ["GET /api/v1/admin-units/"] = Access.SignedIn,
        ["GET /api/v1/admin-units/{code}"] = Access.SignedIn,
        ["GET /api/v1/admin-units/legacy/{code}"] = Access.SignedIn,
        ["GET /api/v1/admin-units/{code}/population"] = Access.SignedIn,
        ["PUT /api/v1/admin-units/{code}/population/{year:int}"] = Access.EditPopulation,
        ["GET /api/v1/audit-entries/"] = Access.AdminOnly,
        ["GET /api/v1/audit-entries/verify"] = Access.AdminOnly,
        ["POST /api/v1/persons/"] = Access.RegisterPersons,
        ["GET /api/v1/persons/"] = Access.ViewPersons,
        ["GET /api/v1/persons/{id:guid}"] = Access.ViewPersons,
        ["PUT /api/v1/persons/{id:guid}"] = Access.RegisterPersons,
        ["GET /api/v1/persons/{id:guid}/access-log"] = Access.PersonAccessLog,
        ["POST /api/v1/persons/{id:guid}/break-glass"] = Access.BreakGlass,
        ["POST /api/v1/persons/{id:guid}/transfers"] = Access.RegisterPersons,
        ["GET /api/v1/transfers"] = Access.ViewPersons,
        ["POST /api/v1/persons/import"] = Access.RegisterPersons,
        ["GET /api/v1/persons/import/rejects/{id:guid}"] = Access.RegisterPersons,
        ["POST /api/v1/transfers/{id:long}/accept"] = Access.RegisterPersons,
        ["GET /api/v1/duplicate-reviews"] = Access.ReviewDuplicates,
        ["POST /api/v1/duplicate-reviews/{id:long}/dismiss"] = Access.ReviewDuplicates,
        ["POST /api/v1/persons/{id:guid}/merge"] = Access.MergePersons,
        ["POST /api/v1/persons/{id:guid}/unmerge"] = Access.MergePersons,
        ["GET /api/v1/access-grants"] = Access.AdminOnly,
        ["POST /api/v1/access-grants/{id:long}/review"] = Access.AdminOnly,
        ["POST /api/v1/persons/{id:guid}/drug-tests"] = Access.RecordHealthFindings,
        ["POST /api/v1/persons/{id:guid}/management-decisions"] = Access.RecordCases,
        ["POST /api/v1/persons/{id:guid}/management-decisions/{decisionId:guid}/changes"] = Access.RecordCases,
        ["POST /api/v1/persons/{id:guid}/addiction-determinations"] = Access.RecordHealthFindings,
        ["POST /api/v1/persons/{id:guid}/rehab-registrations"] = Access.RecordCases,
        ["POST /api/v1/persons/{id:guid}/rehab-episodes"] = Access.RecordCases,
        ["POST /api/v1/persons/{id:guid}/rehab-episodes/{episodeId:guid}/start"] = Access.RecordResidentFacts,
        ["POST /api/v1/persons/{id:guid}/rehab-episodes/{episodeId:guid}/end"] = Access.RecordResidentFacts,
        ["POST /api/v1/persons/{id:guid}/rehab-episodes/{episodeId:guid}/stage"] = Access.RecordResidentFacts,
        ["POST /api/v1/persons/{id:guid}/substitution-therapies"] = Access.RecordHealthFindings,
        ["POST /api/v1/persons/{id:guid}/substitution-therapies/{therapyId:guid}/phase"] = Access.RecordTherapyProgress,
        ["POST /api/v1/persons/{id:guid}/substitution-therapies/{therapyId:guid}/end"] = Access.RecordTherapyProgress,
        ["POST /api/v1/persons/{id:guid}/compulsory-dossiers"] = Access.RecordCases,
        ["POST /api/v1/persons/{id:guid}/compulsory-dossiers/{dossierId:guid}/steps"] = Access.RecordCases,
        ["POST /api/v1/persons/{id:guid}/post-rehab-decisions"] = Access.DecidePostRehab,
        ["POST /api/v1/persons/{id:guid}/post-rehab-decisions/{decisionId:guid}/end"] = Access.DecidePostRehab,
        ["POST /api/v1/persons/{id:guid}/electronic-supervisions"] = Access.RecordCases,
        ["POST /api/v1/persons/{id:guid}/electronic-supervisions/{supervisionId:guid}/fitting"] = Access.RecordCases,
        ["POST /api/v1/persons/{id:guid}/violations"] = Access.RecordResidentFacts,
        ["GET /api/v1/persons/{id:guid}/case-file"] = Access.ViewPersons,
        ["GET /api/v1/persons/{id:guid}/documents/{form}"] = Access.IssueDocuments,
        ["GET /api/v1/work-items"] = Access.ViewPersons,
        ["GET /api/v1/legal-lists/{list}"] = Access.ViewPersons,
        ["GET /api/v1/legal-lists/{list}/export"] = Access.ViewPersons,
        ["GET /api/v1/legal-parameters"] = Access.SignedIn,
        ["PUT /api/v1/legal-parameters/{regime}/{key}"] = Access.ConfigureLegalRules,
        ["GET /api/v1/holidays"] = Access.SignedIn,
        ["PUT /api/v1/holidays/{date}"] = Access.ConfigureLegalRules,
        ["DELETE /api/v1/holidays/{date}"] = Access.ConfigureLegalRules,
        ["GET /api/v1/facilities/"] = Access.SignedIn,
        ["POST /api/v1/facilities/"] = Access.ManageFacilities,
        ["PUT /api/v1/facilities/{id:guid}"] = Access.ManageFacilities,
        ["GET /api/v1/persons/{id:guid}/support-services/"] = Access.ViewPersons,
        ["POST /api/v1/persons/{id:guid}/support-services/"] = Access.RecordServices,
        ["POST /api/v1/admin-units/population/import"] = Access.EditPopulation,
        ["POST /api/v1/hotspots"] = Access.RecordSupplySide,
        ["GET /api/v1/hotspots"] = Access.ViewSupplySide,
        ["POST /api/v1/arrests"] = Access.RecordSupplySide,
        ["POST /api/v1/cultivation-finds"] = Access.RecordSupplySide,
        ["POST /api/v1/hotspot-routes"] = Access.ClassifyCommunes,
        // Enforcement (issue 14)
        ["PATCH /api/v1/hotspots/{id:guid}"] = Access.RecordSupplySide,
        ["GET /api/v1/cultivation-finds"] = Access.ViewSupplySide,
        ["PATCH /api/v1/cultivation-finds/{id:guid}"] = Access.RecordSupplySide,
        ["GET /api/v1/hotspot-routes"] = Access.ViewSupplySide,
        ["POST /api/v1/drug-cases/"] = Access.RecordSupplySide,
        ["GET /api/v1/drug-cases/"] = Access.ViewSupplySide,
        ["GET /api/v1/drug-cases/{id:guid}"] = Access.ViewSupplySide,
        ["POST /api/v1/drug-cases/{id:guid}/stages"] = Access.RecordSupplySide,
        ["POST /api/v1/wanted-persons/"] = Access.RecordSupplySide,
        ["GET /api/v1/wanted-persons/"] = Access.ViewSupplySide,
        ["PATCH /api/v1/wanted-persons/{id:guid}"] = Access.RecordSupplySide,
        ["GET /api/v1/seizures/summary"] = Access.ViewSupplySide,
        ["GET /api/v1/seizures/arq"] = Access.ViewSupplySide,
        ["PUT /api/v1/drug-cases/{id:guid}"] = Access.RecordSupplySide, // issue 14: case edit, suspects added or linked later
        ["POST /api/v1/drug-cases/{id:guid}/suspects"] = Access.RecordSupplySide,
        ["PUT /api/v1/drug-cases/{id:guid}/suspects/{suspectId:guid}"] = Access.RecordSupplySide,
        ["GET /api/v1/lawful-activities/"] = Access.ViewLawfulActivities, // issue 14: lawful drug-related activities
        ["POST /api/v1/lawful-activities/"] = Access.ManageLawfulActivities,
        ["GET /api/v1/lawful-activities/export"] = Access.ViewLawfulActivities,
        ["GET /api/v1/lawful-activities/{id:guid}"] = Access.ViewLawfulActivities,
        ["PUT /api/v1/lawful-activities/{id:guid}"] = Access.ManageLawfulActivities,
        ["GET /api/v1/lawful-activities/{id:guid}/inspections"] = Access.ViewLawfulActivities,
        ["POST /api/v1/lawful-activities/{id:guid}/inspections"] = Access.ManageLawfulActivities,
        ["POST /api/v1/lawful-activities/{id:guid}/inspections/{inspectionId:guid}/follow-up-done"] = Access.ManageLawfulActivities,
        ["POST /api/v1/classifications/run"] = Access.ClassifyCommunesOrCountry,
        ["GET /api/v1/classifications/"] = Access.SignedIn,
        ["PUT /api/v1/classifications/{province}/{year:int}/{commune}"] = Access.ClassifyCommunes,
        ["POST /api/v1/classifications/{province}/{year:int}/approve"] = Access.ClassifyCommunes,
        ["GET /api/v1/indicators/"] = Access.SignedIn,
        ["GET /api/v1/indicators/{code}/values"] = Access.SignedIn,
        ["GET /api/v1/indicators/{code}/records"] = Access.SignedIn,
        ["PUT /api/v1/indicators/{code}/targets/{area}/{year:int}"] = Access.ClassifyCommunes,
        // Sự cố dữ liệu cá nhân (issue 18)
        ["GET /api/v1/data-breaches/"] = Access.ManageDataBreaches,
        ["POST /api/v1/data-breaches/"] = Access.ManageDataBreaches,
        ["GET /api/v1/data-breaches/{id:guid}"] = Access.ManageDataBreaches,
        ["POST /api/v1/data-breaches/{id:guid}/notifications"] = Access.ManageDataBreaches,
        ["GET /api/v1/data-breaches/{id:guid}/documents/{kind}"] = Access.ManageDataBreaches,
        // Agencies, plans, tasks, projects and budget (issue 12)
        ["GET /api/v1/agencies/"] = Access.SignedIn,
        ["POST /api/v1/agencies/"] = Access.ManageAgencies,
        ["GET /api/v1/plans/"] = Access.ViewPlans,
        ["POST /api/v1/plans/"] = Access.ManagePlans,
        ["GET /api/v1/plans/{id:guid}"] = Access.ViewPlans,
        ["POST /api/v1/plans/{id:guid}/tasks"] = Access.ManagePlans,
        ["POST /api/v1/plans/{id:guid}/tasks/import"] = Access.ManagePlans,
        ["GET /api/v1/plans/{id:guid}/tasks/export"] = Access.ViewPlans,
        ["PUT /api/v1/plans/{id:guid}/budget/{projectCode}/{year:int}/{source}"] = Access.RecordTaskProgress,
        ["GET /api/v1/plans/{id:guid}/budget"] = Access.ViewPlans,
        ["POST /api/v1/plans/{id:guid}/budget/{projectCode}/{year:int}/{source}/submit"] = Access.RecordTaskProgress, // issue 13: budget figures through the review fabric
        ["POST /api/v1/plans/{id:guid}/budget/{projectCode}/{year:int}/{source}/disbursements"] = Access.RecordTaskProgress,
        ["POST /api/v1/plans/{id:guid}/budget/confirm"] = Access.ManagePlans,
        ["POST /api/v1/plans/{id:guid}/budget/{projectCode}/{year:int}/{source}/return"] = Access.ManagePlans,
        ["POST /api/v1/plans/{id:guid}/budget/{projectCode}/{year:int}/{source}/reopen"] = Access.ManagePlans,
        ["GET /api/v1/tasks/"] = Access.ViewPlans,
        ["GET /api/v1/tasks/{id:guid}"] = Access.ViewPlans,
        ["POST /api/v1/tasks/{id:guid}/progress"] = Access.RecordTaskProgress,
        ["POST /api/v1/tasks/{id:guid}/progress/{progressId:guid}/evidence"] = Access.RecordTaskProgress,
        ["GET /api/v1/tasks/{id:guid}/evidence/{evidenceId:guid}"] = Access.ViewPlans,
        ["POST /api/v1/tasks/confirm"] = Access.ManagePlans,
        ["POST /api/v1/tasks/{id:guid}/return"] = Access.ManagePlans,
        ["POST /api/v1/tasks/{id:guid}/reopen"] = Access.ManagePlans,
        ["GET /api/v1/projects"] = Access.SignedIn,
        // Periodic reports
        ["GET /api/v1/report-templates/"] = Access.SignedIn,
        ["POST /api/v1/report-templates/"] = Access.ManageReportTemplates,
        ["POST /api/v1/reports/"] = Access.FillReports,
        ["GET /api/v1/reports/"] = Access.SignedIn,
        ["GET /api/v1/reports/completeness"] = Access.SignedIn,
        ["GET /api/v1/reports/consolidation"] = Access.SignedIn,
        ["POST /api/v1/reports/approve"] = Access.ReviewReports,
        ["GET /api/v1/reports/{id:guid}"] = Access.SignedIn,
        ["PUT /api/v1/reports/{id:guid}"] = Access.FillReports,
        ["POST /api/v1/reports/{id:guid}/submit"] = Access.FillReports,
        ["POST /api/v1/reports/{id:guid}/return"] = Access.ReviewReports,
        ["POST /api/v1/reports/{id:guid}/approve"] = Access.ReviewReports,
        ["POST /api/v1/reports/{id:guid}/reopen"] = Access.ReviewReports,
        ["GET /api/v1/reports/{id:guid}/xlsx"] = Access.SignedIn,
        ["GET /api/v1/reports/annual"] = Access.SignedIn,
        ["GET /api/v1/exchange/adx"] = Access.ExchangeReports,
        ["POST /api/v1/exchange/adx"] = Access.ExchangeReports,
        // Population link and case-file corrections (issue 16)
        ["POST /api/v1/persons/{id:guid}/case-records/{recordId:guid}/void"] = Access.VoidCaseRecords,
        ["POST /api/v1/persons/{id:guid}/population-check"] = Access.CheckPopulation,
        ["POST /api/v1/persons/{id:guid}/population-check/accept"] = Access.RegisterPersons,
        ["POST /api/v1/population-checks"] = Access.CheckPopulation,
        ["GET /api/v1/population-checks"] = Access.CheckPopulation,
        ["GET /api/v1/population-checks/{id:guid}"] = Access.CheckPopulation,

        ["GET /openapi/{documentName}.json"] = Access.Anonymous,
        ["GET /health"] = Access.Anonymous,
        ["GET /health/ready"] = Access.Anonymous,
        ["GET /lookup/places"] = Access.SignedIn, // everyday pass: the pickers' source

        // Tips (tố giác): the public submission and status lookup are anonymous
        ["POST /api/v1/tips/"] = Access.Anonymous,
        ["GET /api/v1/tips/status"] = Access.Anonymous,
        ["GET /api/v1/tips/"] = Access.ViewTips,
        ["GET /api/v1/tips/figures"] = Access.ViewTips,
        ["GET /api/v1/tips/{id:guid}"] = Access.ViewTips,
        ["GET /api/v1/tips/{id:guid}/photos/{photoId:guid}"] = Access.ViewTips,
        ["POST /api/v1/tips/{id:guid}/route"] = Access.RouteTips,
        ["POST /api/v1/tips/{id:guid}/close"] = Access.ViewTips,
        ["GET /to-giac"] = Access.Anonymous,
        ["GET /to-giac/tra-cuu"] = Access.Anonymous,
        ["GET /Tips"] = Access.ViewTips,
        ["GET /Tips/Index"] = Access.ViewTips,
        ["GET /Tips/Details/{id:guid}"] = Access.ViewTips,

        // Pages
        ["GET /"] = Access.SignedIn,
        ["GET /Index"] = Access.SignedIn,
        ["GET /Error"] = Access.Anonymous,
        ["GET /StatusCode/{code:int}"] = Access.Anonymous,
        ["GET /Account/Login"] = Access.Anonymous,
        ["GET /Account/LoginWith2fa"] = Access.Anonymous,
        ["GET /Account/Logout"] = Access.Anonymous,
        ["GET /Account/AccessDenied"] = Access.Anonymous,
        ["GET /Account/TwoFactor"] = Access.SignedIn,
        ["GET /AdministrativeUnits"] = Access.SignedIn,
        ["GET /AdministrativeUnits/Index"] = Access.SignedIn,
        ["GET /AdministrativeUnits/Province/{code}"] = Access.SignedIn,
        ["GET /AdministrativeUnits/Commune/{code}"] = Access.SignedIn,
        ["GET /Users"] = Access.AdminOnly,
        ["GET /Users/Index"] = Access.AdminOnly,
        ["GET /Users/Create"] = Access.AdminOnly,
        ["GET /Users/Details/{id:guid}"] = Access.AdminOnly,
        ["GET /Persons"] = Access.ViewPersons,
        ["GET /Persons/Index"] = Access.ViewPersons,
        ["GET /Persons/Register"] = Access.RegisterPersons,
        ["GET /Persons/Details/{id:guid}"] = Access.ViewPersons,
        ["GET /Persons/Edit/{id:guid}"] = Access.RegisterPersons,
        ["GET /Persons/Transfers"] = Access.ViewPersons,
        ["GET /Persons/Import"] = Access.RegisterPersons,
        ["GET /Persons/Duplicates"] = Access.ReviewDuplicates,
        ["GET /Lifecycle/WorkItems"] = Access.WorkItemsOrBreachDeadlines,
        ["GET /Lifecycle/Lists"] = Access.ViewPersons,
        ["GET /Dashboard"] = Access.SignedIn,
        ["GET /Dashboard/Index"] = Access.SignedIn,
        ["GET /Classification"] = Access.ClassifyCommunes,
        ["GET /Classification/Index"] = Access.ClassifyCommunes,
        ["GET /Facilities"] = Access.SignedIn,
        ["GET /Facilities/Index"] = Access.SignedIn,
        // Periodic reports
        ["GET /Reports"] = Access.SignedIn,
        ["GET /Reports/Index"] = Access.SignedIn,
        ["GET /Reports/Edit/{id:guid}"] = Access.SignedIn,
        ["GET /Reports/Review"] = Access.ReviewReports,
        ["GET /Reports/Completeness"] = Access.ProvinceLevel,
        ["GET /Reports/Templates"] = Access.SignedIn,
        ["GET /Reports/Annual"] = Access.ProvinceLevel,
        // Enforcement pages (issue 14)
        ["GET /Enforcement"] = Access.ViewSupplySide,
        ["GET /Enforcement/Index"] = Access.ViewSupplySide,
        ["GET /Enforcement/Create"] = Access.RecordSupplySide,
        ["GET /Enforcement/Details/{id:guid}"] = Access.ViewSupplySide,
        ["GET /Enforcement/WantedPersons"] = Access.ViewSupplySide,
        ["GET /Enforcement/Seizures"] = Access.ViewSupplySide,
        ["GET /SupplySide"] = Access.ViewSupplySide,
        ["GET /SupplySide/Index"] = Access.ViewSupplySide,
        ["GET /SupplySide/Hotspot"] = Access.RecordSupplySide, // issue 14: create and edit pages
        ["GET /SupplySide/Cultivation"] = Access.RecordSupplySide,
        ["GET /SupplySide/Routes"] = Access.ClassifyCommunes,
        ["GET /Enforcement/Edit/{id:guid}"] = Access.RecordSupplySide,
        ["GET /LawfulActivities"] = Access.ViewLawfulActivities,
        ["GET /LawfulActivities/Index"] = Access.ViewLawfulActivities,
        ["GET /LawfulActivities/Edit"] = Access.ManageLawfulActivities,
        ["GET /LawfulActivities/Details/{id:guid}"] = Access.ViewLawfulActivities,
        ["GET /Audit"] = Access.AdminOnly,
        ["GET /Audit/Index"] = Access.AdminOnly,
        ["GET /DataBreaches"] = Access.ManageDataBreaches,
        ["GET /DataBreaches/Index"] = Access.ManageDataBreaches,
        ["GET /DataBreaches/Details/{id:guid}"] = Access.ManageDataBreaches,

        // Agencies, plans, tasks, projects and budget (issue 12)
        ["GET /Agencies"] = Access.SignedIn,
        ["GET /Agencies/Index"] = Access.SignedIn,
        ["GET /Plans"] = Access.ViewPlans,
        ["GET /Plans/Index"] = Access.ViewPlans,
        ["GET /Plans/Details/{id:guid}"] = Access.ViewPlans,
        ["GET /Plans/Tasks"] = Access.ViewPlans,
        ["GET /Plans/Task/{id:guid}"] = Access.ViewPlans,
        ["GET /Plans/Budget"] = Access.ViewPlans,
        ["GET /Plans/Import/{id:guid}"] = Access.ManagePlans,
        ["GET /Population"] = Access.CheckPopulation, // National population database link (issue 16)
        ["GET /Population/Index"] = Access.CheckPopulation,

        // Community (issue 15): supporters and management teams, communication and education register
        ["GET /api/v1/team-members/"] = Access.ViewTeams,
        ["POST /api/v1/team-members/"] = Access.ManageTeams,
        ["POST /api/v1/team-members/{memberId:guid}/leave"] = Access.ManageTeams,
        ["GET /api/v1/team-members/{memberId:guid}/sheet"] = Access.ViewTeams,
        ["GET /api/v1/persons/{id:guid}/supporters"] = Access.ViewTeams,
        ["POST /api/v1/persons/{id:guid}/supporters"] = Access.ManageTeams,
        ["POST /api/v1/supporter-assignments/{assignmentId:guid}/end"] = Access.ManageTeams,
        ["GET /api/v1/supporter-assignments/{assignmentId:guid}/decision"] = Access.IssueDocuments,
        ["GET /api/v1/communication-activities/"] = Access.ViewCommunication,
        ["POST /api/v1/communication-activities/"] = Access.RecordCommunication,
        ["GET /api/v1/education-sites/"] = Access.ViewCommunication,
        ["POST /api/v1/education-sites/"] = Access.RecordCommunication,
        ["GET /api/v1/media-outlets/"] = Access.ViewCommunication,
        ["POST /api/v1/media-outlets/"] = Access.RecordCommunication,
        ["GET /Community"] = Access.ViewCommunication,
        ["GET /Community/Index"] = Access.ViewCommunication,
        ["GET /Community/Sites"] = Access.ViewCommunication,
        ["GET /Community/Teams"] = Access.ViewTeams,
        ["GET /Community/Supporter/{memberId:guid}"] = Access.ViewTeams,

        // Facility staff issue Form 50 with the completion and keep the register of issued certificates (issue 16); Form 55 (issue 15)
        ["POST /api/v1/persons/{id:guid}/rehab-episodes/{episodeId:guid}/completion-certificate"] = Access.IssueFacilityCertificates,
        ["GET /api/v1/facility-certificates/"] = Access.IssueFacilityCertificates,
        ["POST /api/v1/facility-certificates/{certificateId:guid}/reprint"] = Access.IssueFacilityCertificates,
        ["GET /Facilities/Certificates"] = Access.IssueFacilityCertificates,
        ["GET /api/v1/team-members/social-support-decision"] = Access.IssueDocuments,
    };

    /// <summary>One user per role, each with a scope that fits the role.</summary>
    private static readonly (string Role, string? Scope)[] Users =
    [
        (Roles.Admin, null),
        (Roles.ProvincePolice, "19"),
        (Roles.CommunePolice, "05443"),
        (Roles.CommuneCommittee, "05443"),
        (Roles.HealthStaff, "05443"),
        (Roles.FacilityStaff, "co-so-cai-nghien-1"),
        (Roles.Department, "so-y-te"),
        (Roles.Viewer, "19"),
    ];

    private static bool Allows(Access access, string role) => access switch
    {
        Access.Anonymous or Access.SignedIn => true,
        Access.AdminOnly => role == Roles.Admin,
        Access.EditPopulation => role is Roles.Admin or Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee,
        Access.ViewPersons => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee or Roles.HealthStaff or Roles.FacilityStaff,
        Access.RegisterPersons => role is Roles.ProvincePolice or Roles.CommunePolice,
        Access.PersonAccessLog => role is Roles.Admin or Roles.ProvincePolice,
        Access.BreakGlass => role is Roles.ProvincePolice,
        Access.ReviewDuplicates => role is Roles.ProvincePolice or Roles.CommunePolice,
        Access.MergePersons => role is Roles.ProvincePolice,
        Access.RecordCases => role is Roles.ProvincePolice or Roles.CommunePolice,
        Access.RecordHealthFindings => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.HealthStaff,
        Access.DecidePostRehab or Access.IssueDocuments => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee,
        Access.RecordServices => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee or Roles.HealthStaff,
        Access.ConfigureLegalRules => role == Roles.Admin,
        Access.ManageFacilities => role is Roles.Admin or Roles.ProvincePolice,
        Access.RecordSupplySide => role is Roles.ProvincePolice or Roles.CommunePolice,
        Access.ViewSupplySide => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee,
        Access.ClassifyCommunes => role == Roles.ProvincePolice,
        Access.ClassifyCommunesOrCountry => role is Roles.ProvincePolice or Roles.Admin, // the administrator runs the whole country only
        Access.ManageDataBreaches => role == Roles.Admin,
        Access.ManageAgencies => role is Roles.Admin or Roles.ProvincePolice,
        Access.ViewPlans => role is Roles.ProvincePolice or Roles.Department or Roles.Viewer,
        Access.ManagePlans => role is Roles.ProvincePolice,
        Access.RecordTaskProgress => role is Roles.ProvincePolice or Roles.Department,
        Access.FillReports => role is Roles.CommunePolice or Roles.CommuneCommittee or Roles.Department or Roles.ProvincePolice,
        Access.ReviewReports => role is Roles.ProvincePolice or Roles.Viewer, // the viewer as the provincial leadership approves the province's report
        Access.ManageReportTemplates => role == Roles.ProvincePolice,
        Access.ExchangeReports => role is Roles.ProvincePolice or Roles.Admin,
        Access.ProvinceLevel => role is Roles.ProvincePolice or Roles.Admin or Roles.Viewer, // with the province or national scope these users have here
        Access.VoidCaseRecords => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee or Roles.HealthStaff or Roles.FacilityStaff,
        Access.CheckPopulation => role is Roles.ProvincePolice or Roles.CommunePolice,
        Access.RecordResidentFacts => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.FacilityStaff,
        Access.RecordTherapyProgress => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.HealthStaff or Roles.FacilityStaff,
        Access.ViewTips => role is Roles.ProvincePolice or Roles.CommunePolice,
        Access.RouteTips => role is Roles.ProvincePolice,
        Access.WorkItemsOrBreachDeadlines => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee or Roles.HealthStaff or Roles.FacilityStaff or Roles.Admin, // issue 18
        Access.ViewTeams => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee,
        Access.ManageTeams => role is Roles.CommunePolice or Roles.CommuneCommittee,
        Access.ViewCommunication => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee or Roles.Viewer,
        Access.RecordCommunication => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.CommuneCommittee,
        Access.ViewLawfulActivities => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.Department or Roles.CommuneCommittee,
        Access.ManageLawfulActivities => role is Roles.ProvincePolice or Roles.CommunePolice or Roles.Department,
        Access.IssueFacilityCertificates => role is Roles.FacilityStaff,
        _ => false,
    };

    private List<(string Key, string Method, string Url, bool IsApi, bool IsForm)> Routes(Guid anyUserId)
    {
        var routes = new List<(string, string, string, bool, bool)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var url = pattern
                    .Replace("{code:int}", "404", StringComparison.Ordinal)
                    .Replace("{code}", "05443", StringComparison.Ordinal)
                    .Replace("{year:int}", "2026", StringComparison.Ordinal)
                    .Replace("{id:guid}", anyUserId.ToString(), StringComparison.Ordinal)
                    .Replace("{id:long}", "999999999", StringComparison.Ordinal) // no such row: allowed is 404, denied is 403
                    .Replace("{documentName}", "v1", StringComparison.Ordinal)
                    .Replace("{form}", "04", StringComparison.Ordinal)
                    .Replace("{list}", "users", StringComparison.Ordinal)
                    .Replace("{regime}", "all", StringComparison.Ordinal)
                    .Replace("{key}", "due-soon-days", StringComparison.Ordinal)
                    .Replace("{date}", "2026-12-31", StringComparison.Ordinal)
                    .Replace("{province}", "19", StringComparison.Ordinal)
                    .Replace("{commune}", "05443", StringComparison.Ordinal)
                    .Replace("{area}", "19", StringComparison.Ordinal)
                    .Replace("{kind}", "authority", StringComparison.Ordinal);
                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{\w+:guid\}", Guid.Empty.ToString());
                var isForm = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
                routes.Add(($"{method} {pattern}", method, url, pattern.StartsWith("/api/", StringComparison.Ordinal), isForm));
            }
        }

        return routes;
    }

    [Fact]
    public async Task Every_route_is_in_the_matrix()
    {
        var routes = Routes(Guid.Empty).Select(r => r.Key).Distinct().ToList();
        Assert.Empty(routes.Except(Expected.Keys));
        Assert.Empty(Expected.Keys.Except(routes)); // no stale expectations either
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Anonymous_callers_reach_only_the_anonymous_routes()
    {
        var client = app.Anonymous();
        foreach (var (key, method, url, isApi, isForm) in Routes(Guid.NewGuid()).Where(r => Expected.ContainsKey(r.Key)))
        {
            var response = await SendAsync(client, method, url, isForm);
            if (Expected[key] == Access.Anonymous)
                Assert.False(IsDenied(response, isApi), $"{key} should be open to anonymous callers; got {(int)response.StatusCode} {response.Headers.Location}");
            else if (isApi)
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{key} should be 401 for anonymous callers; got {(int)response.StatusCode}");
            else
                Assert.True(IsLoginRedirect(response), $"{key} should send anonymous visitors to the login page; got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Each_role_reaches_exactly_its_routes_through_the_api_and_the_pages()
    {
        var adminId = await app.EnsureUserAsync(Roles.Viewer, "01");
        await app.EnsureAgencyAsync("so-y-te", "19", "Sở Y tế"); // a department user's scope is a registered agency (issue 12)
        var failures = new List<string>();
        foreach (var (role, scope) in Users)
        {
            var api = role == Roles.Admin ? await app.AdminAsync() : await app.ApiAsAsync(role, scope);
            var pages = role == Roles.Admin
                ? await app.PagesAsAsync("admin", App.AdminPassword)
                : await app.PagesAsAsync(App.UserNameFor(role, scope), App.UserPassword);

            foreach (var (key, method, url, isApi, isForm) in Routes(adminId).Where(r => Expected.ContainsKey(r.Key)))
            {
                var response = await SendAsync(isApi ? api : pages, method, url, isForm);
                var allowed = Allows(Expected[key], role);
                if (allowed == IsDenied(response, isApi))
                    failures.Add($"{role}: {key} expected {(allowed ? "allowed" : "denied")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(failures);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, bool isForm)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = isForm ? new MultipartFormDataContent { { new StringContent("x"), "unused" } } : new StringContent("{}", Encoding.UTF8, "application/json");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static bool IsLoginRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal) == true;

    private static bool IsDenied(HttpResponseMessage response, bool isApi) =>
        isApi
            ? response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            : IsLoginRedirect(response)
              || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true);
}
