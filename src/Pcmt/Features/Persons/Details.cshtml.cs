using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pcmt.Features.AdministrativeUnits;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.SupportServices;

namespace Pcmt.Features.Persons;

/// <summary>Hồ sơ đối tượng: the record in tabs; opening it is audited; supervisors also see who else opened it.</summary>
[Authorize(Permissions.ViewPersons)]
public sealed class DetailsModel(GetPerson get, PersonAccessLog accessLog, TransferPerson transfers, AppDbContext db, CurrentUser user,
    RecordCaseFacts record, DecisionDocuments documents) : PageModel
{
    private Dictionary<string, string> _units = [];

    public GetPerson.Details? Person { get; private set; }

    public PagedList<PersonAccessLog.Row>? AccessLog { get; private set; }

    public bool CanEdit => user.Can(Permissions.RegisterPersons);

    public string StatusName => PersonStatus.DisplayName(Person?.Status ?? PersonStatus.None);

    public CaseFileResult? CaseFile { get; private set; }

    public IReadOnlyList<CaseRecord> Records { get; private set; } = [];

    public IReadOnlyList<SupportService> Services { get; private set; } = [];

    public bool CanRecordCases => user.Can(Permissions.RecordCases);

    public bool CanRecordHealth => user.Can(Permissions.RecordHealthFindings);

    public bool CanDecidePostRehab => user.Can(Permissions.DecidePostRehab);

    public bool CanIssueDocuments => user.Can(Permissions.IssueDocuments);

    public bool CanRecordServices => user.Can(Permissions.RecordServices);

    /// <summary>Whether the user may void this fact: its kind's permission (the author's unit is checked on submit).</summary>
    public bool CanVoid(CaseRecord r) => !r.Voided && user.Can(Permissions.VoidCaseRecords) && user.Can(CaseRecordVoiding.PermissionFor(r.Kind));

    /// <summary>Hủy bản ghi nhầm, with a written reason (issue 16).</summary>
    public async Task<IActionResult> OnPostVoidAsync(Guid id, Guid recordId, string? reason, [FromServices] PersonCaseFiles files, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.VoidCaseRecords))
            return Forbid();
        var result = await files.VoidAsync(id, recordId, reason, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã hủy bản ghi; tình trạng, thời hạn và việc cần làm đã được tính lại.";
            return Redirect(Url.Page("Details", new { id })! + "#ho-so");
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        if (result.Failure is Failure.Forbidden)
            return Forbid();
        ModelState.AddFailure(result.Failure, prefix: "");
        return await OnGetAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostDrugTestAsync(Guid id, string? takenAt, string? sampleType, string? result, string? substances, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordHealthFindings, "Đã ghi nhận kết quả xét nghiệm.",
            () => record.DrugTestAsync(id, new RecordCaseFacts.DrugTestInput(takenAt, sampleType, result, substances?.Split(',').ToList(), null, null), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostManagementAsync(Guid id, string? decidedAt, string? decisionNumber, string? officerName, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordCases, "Đã ghi nhận quyết định quản lý; có thể tải Mẫu 04.",
            () => record.ManagementAsync(id, new RecordCaseFacts.ManagementInput(decidedAt, decisionNumber, user.UserName, officerName, null), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeterminationAsync(Guid id, string? concludedAt, List<int>? criteriaMet, string? result, string? facility, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordHealthFindings, "Đã ghi nhận kết quả xác định tình trạng nghiện.",
            () => record.DeterminationAsync(id, new RecordCaseFacts.DeterminationInput(concludedAt, criteriaMet ?? [], result, facility, true), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRehabAsync(Guid id, string? form, string? decidedAt, string? startedOn, string? decisionNumber, int? termMonths, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordCases, "Đã ghi nhận quyết định cai nghiện.",
            () => record.RehabAsync(id, new RecordCaseFacts.RehabInput(form, decidedAt, startedOn, decisionNumber, termMonths, null, null, null), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPostRehabAsync(Guid id, string? decidedAt, string? basis, string? decisionNumber, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.DecidePostRehab, "Đã ghi nhận quyết định quản lý sau cai nghiện; có thể tải Mẫu 53.",
            () => record.PostRehabAsync(id, new RecordCaseFacts.PostRehabInput(decidedAt, basis, decisionNumber), cancellationToken), cancellationToken);

    /// <summary>The decision form as DOCX (Form 04, 22, 53), filled from the file.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, string form, Guid? recordId, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.IssueDocuments))
            return Forbid();
        var document = await documents.CreateAsync(id, form, recordId, cancellationToken);
        if (document.Succeeded)
            return File(document.Value.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.Value.FileName);
        if (document.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(document.Failure, prefix: "");
        return await OnGetAsync(id, cancellationToken);
    }

    private async Task<IActionResult> RecordAsync(Guid id, string permission, string notice, Func<Task<Result<PersonCaseFiles.Appended>>> action, CancellationToken cancellationToken)
    {
        if (!user.Can(permission))
            return Forbid();
        var result = await action();
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            // A resident whose stay ended leaves the facility staff's view (issue 16): back to their list.
            if (user.ScopeKind == ScopeKind.Facility && !await db.Persons.AnyAsync(p => p.Id == id, cancellationToken))
                return RedirectToPage("Index");
            return Redirect(Url.Page("Details", new { id })! + "#ho-so");
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        if (result.Failure is Failure.Forbidden)
            return Forbid();
        ModelState.AddFailure(result.Failure, prefix: "");
        return await OnGetAsync(id, cancellationToken);
    }

    /// <summary>The citizen ID is shown masked (last 4 digits) until the officer asks for it; that request is audited.</summary>
    public bool CitizenIdRevealed { get; private set; }

    public static string Mask(string citizenId) => citizenId.Length <= 4 ? citizenId : new string('•', citizenId.Length - 4) + citizenId[^4..];

    public async Task<IActionResult> OnPostRevealCitizenIdAsync(Guid id, [FromServices] Pcmt.Infrastructure.Auditing.AuditLog audit, CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(id, cancellationToken);
        if (Person is null)
            return page;
        await audit.RecordReadAsync(nameof(Persons.Person), id.ToString(), id, "citizenId", "hiện số định danh cá nhân trên trang hồ sơ", cancellationToken);
        CitizenIdRevealed = true;
        return page;
    }

    // National population database link (issue 16)
    public Population.PopulationCheckResult? PopulationCheck { get; private set; }

    public bool CanCheckPopulation => user.Can(Permissions.CheckPopulation);

    public async Task<IActionResult> OnPostPopulationCheckAsync(Guid id, string? purpose, [FromServices] Population.CheckPopulation check, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.CheckPopulation))
            return Forbid();
        var result = await check.HandleAsync(id, purpose, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = Population.PopulationStatuses.DisplayName(result.Value.Status) + ".";
            return Redirect(Url.Page("Details", new { id })! + "#dan-cu");
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(result.Failure, prefix: "");
        return await OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostPopulationAcceptAsync(Guid id, List<string>? fields, [FromServices] Population.AcceptNationalValues accept, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.RegisterPersons))
            return Forbid();
        var result = await accept.HandleAsync(id, new Population.AcceptNationalValues.Input(fields, null), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã cập nhật hồ sơ theo CSDL quốc gia về dân cư.";
            return Redirect(Url.Page("Details", new { id })! + "#dan-cu");
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        ModelState.AddFailure(result.Failure, prefix: "");
        return await OnGetAsync(id, cancellationToken);
    }

    public string UnitName(string? code) => code is null ? "" : _units.GetValueOrDefault(code, code);

    public async Task<IActionResult> OnPostTransferAsync(Guid id, string? toCommuneCode, string? reason, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.RegisterPersons))
            return Forbid();
        var result = await transfers.RequestAsync(id, new TransferPerson.Input { ToCommuneCode = toCommuneCode, Reason = reason }, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã chuyển hồ sơ; địa bàn nhận phải tiếp nhận trong 24 giờ.";
            return RedirectToPage("Transfers");
        }

        ModelState.AddFailure(result.Failure, prefix: "");
        return await OnGetAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var read = await get.HandleWithFileAsync(id, "xem hồ sơ trên trang", cancellationToken);
        if (read is null)
            return NotFound();
        (Person, CaseFile, Records) = read.Value;

        PopulationCheck = await db.PopulationCheckResults.AsNoTracking().FirstOrDefaultAsync(r => r.PersonId == id, cancellationToken);
        Services = await db.SupportServices.AsNoTracking().Where(s => s.PersonId == id).OrderBy(s => s.ProvidedOn ?? s.RequestedOn).ToListAsync(cancellationToken);
        if (user.Can(Permissions.ViewPersonAccessLog))
            AccessLog = await accessLog.HandleAsync(id, new Paging(1, 100), cancellationToken);
        var codes = new[] { Person.ResidenceCommuneCode, Person.Permanent.CommuneCode, Person.Temporary.CommuneCode }.OfType<string>().Distinct().ToList();
        _units = await db.AdministrativeUnits.AsNoTracking().Current().Where(u => codes.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        await LoadOpenStaysAsync(id, cancellationToken);
        return Page();
    }

    // Facility staff (issue 16): in-facility facts (reception, end of stay, violations, therapy phases and end) on the person page.
    public bool CanRecordResidentFacts => user.Can(Permissions.RecordResidentFacts);

    public bool CanRecordTherapyProgress => user.Can(Permissions.RecordTherapyProgress);

    /// <summary>Rehab stays not yet ended (for facility staff: only those in their facility).</summary>
    public IReadOnlyList<CaseView> OpenStays { get; private set; } = [];

    /// <summary>Substitution therapies not yet ended (for facility staff: only those at their clinic).</summary>
    public IReadOnlyList<CaseView> OpenTherapies { get; private set; } = [];

    private async Task LoadOpenStaysAsync(Guid id, CancellationToken cancellationToken)
    {
        if (CaseFile is null)
            return;
        HashSet<Guid>? own = null;
        if (user.ScopeKind == ScopeKind.Facility)
        {
            var facility = user.FacilityId;
            own = [.. await db.FacilityResidents.AsNoTracking().Where(r => r.PersonId == id && r.FacilityId == facility).Select(r => r.SourceId).ToListAsync(cancellationToken)];
        }

        OpenStays = CaseFile.Cases.Where(c => c.Type == "rehab" && c.State is "decided" or "in-progress" && (own is null || own.Contains(c.Id))).ToList();
        OpenTherapies = CaseFile.Cases.Where(c => c.Type == "substitution-therapy" && c.EndsOn is null && (own is null || own.Contains(c.Id))).ToList();
    }

    public Task<IActionResult> OnPostRehabStartAsync(Guid id, Guid episodeId, string? startedOn, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordResidentFacts, "Đã ghi nhận biên bản tiếp nhận (Mẫu 24); thời hạn cai nghiện tính từ ngày tiếp nhận.",
            () => record.RehabStartAsync(id, episodeId, new RecordCaseFacts.StartInput(startedOn), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRehabEndAsync(Guid id, Guid episodeId, string? endedOn, string? reason, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordResidentFacts, "Đã ghi nhận kết thúc đợt cai nghiện.",
            () => record.RehabEndAsync(id, episodeId, new RecordCaseFacts.EndInput(endedOn, reason), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostViolationAsync(Guid id, string? on, string? kind, string? description, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordResidentFacts, "Đã ghi nhận vi phạm.",
            () => record.ViolationAsync(id, new RecordCaseFacts.ViolationInput(on, kind, description), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRehabStageAsync(Guid id, Guid episodeId, string? stage, string? on, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordResidentFacts, "Đã lưu giai đoạn cai nghiện.",
            () => record.RehabStageAsync(id, episodeId, new RecordCaseFacts.StageInput(stage, on), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostTherapyPhaseAsync(Guid id, Guid therapyId, string? phase, string? on, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordTherapyProgress, "Đã ghi nhận giai đoạn điều trị.",
            () => record.TherapyPhaseAsync(id, therapyId, new RecordCaseFacts.PhaseInput(phase, on), cancellationToken), cancellationToken);

    // Facility staff (issue 16): "Hoàn thành và cấp giấy chứng nhận (Mẫu 50)" for a compulsory stay in their facility.
    public bool CanIssueFacilityCertificates => user.Can(Permissions.IssueFacilityCertificates);

    /// <summary>The open stays (in the caller's facility) that are compulsory rehab: those Form 50 certifies.</summary>
    public IReadOnlyList<CaseView> CompulsoryStays => [.. OpenStays.Where(c => Records.Any(r => r.Id == c.Id && !r.Voided && r.Event is RehabDecided { Compulsory: true }))];

    /// <summary>Records the completion and issues Form 50; the browser goes to the facility's register, which confirms and downloads it.</summary>
    public async Task<IActionResult> OnPostCompletionCertificateAsync(Guid id, Guid episodeId, string? endedOn, string? number, [FromServices] FacilityCertificates certificates, CancellationToken cancellationToken)
    {
        if (!user.Can(Permissions.IssueFacilityCertificates))
            return Forbid();
        var result = await certificates.CompleteAndIssueAsync(id, episodeId, new FacilityCertificates.CompletionInput(endedOn, number), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Đã ghi nhận " + result.Value.PersonName + " hoàn thành cai nghiện bắt buộc và cấp Giấy chứng nhận (Mẫu 50). Tệp .docx được tải xuống tự động; người này không còn trong danh sách học viên của cơ sở.";
            return RedirectToPage("/Facilities/Certificates", new { issued = result.Value.CertificateId });
        }

        if (result.Failure is Failure.NotFound)
            return NotFound();
        if (result.Failure is Failure.Forbidden)
            return Forbid();
        ModelState.AddFailure(result.Failure, prefix: "");
        return await OnGetAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostTherapyEndAsync(Guid id, Guid therapyId, string? endedOn, string? reason, CancellationToken cancellationToken) =>
        RecordAsync(id, Permissions.RecordTherapyProgress, "Đã ghi nhận kết thúc điều trị.",
            () => record.TherapyEndAsync(id, therapyId, new RecordCaseFacts.EndInput(endedOn, reason), cancellationToken), cancellationToken);
}
