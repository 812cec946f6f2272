using Microsoft.EntityFrameworkCore;
using Pcmt.Features.Deadlines;

namespace Pcmt.Features.Lifecycle;

/// <summary>
/// Ghi nhận hồ sơ pháp lý: turns each API/page input into a fact of the file, checking its fields; the state machines in
/// <see cref="CaseFile"/> then accept or refuse it against the file as it stands.
/// </summary>
public sealed class RecordCaseFacts(PersonCaseFiles files, AppDbContext db, CurrentUser user)
{
    public sealed record DrugTestInput(string? TakenAt, string? SampleType, string? Result, List<string>? Substances, string? ResultReceivedAt, string? PerformedBy);

    public sealed record ManagementInput(string? DecidedAt, string? DecisionNumber, string? OfficerUserName, string? OfficerName, string? Signer);

    public sealed record ManagementChangeInput(string? Action, string? On, string? Until, string? Reason, string? DecisionNumber);

    public sealed record DeterminationInput(string? ConcludedAt, List<int>? CriteriaMet, string? Result, string? Facility, bool? CriteriaDurationMet);

    public sealed record RegistrationInput(string? RegisteredAt, string? Form);

    public sealed record RehabInput(string? Form, string? DecidedAt, string? StartedOn, string? DecisionNumber, int? TermMonths, Guid? FacilityId, string? FacilityName, int? DeductedDays);

    public sealed record StartInput(string? StartedOn);

    public sealed record EndInput(string? EndedOn, string? Reason);

    public sealed record TherapyInput(string? AdmittedAt, string? Clinic, Guid? FacilityId);

    public sealed record PhaseInput(string? Phase, string? On);

    public sealed record StageInput(string? Stage, string? On);

    public sealed record DossierInput(string? DetectedAt, string? Ground);

    public sealed record DossierStepInput(string? Step, string? At, string? Note);

    public sealed record PostRehabInput(string? DecidedAt, string? Basis, string? DecisionNumber);

    public sealed record SupervisionInput(string? DecidedAt, string? DecisionNumber);

    public sealed record FittingInput(string? FittedAt);

    public sealed record ViolationInput(string? On, string? Kind, string? Description);

    public static IReadOnlyList<string> PostRehabBases { get; } = ["voluntary", "substitution-therapy", "compulsory-adult", "compulsory-minor"];

    public Task<Result<PersonCaseFiles.Appended>> DrugTestAsync(Guid personId, DrugTestInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var takenAt = LegalInput.Instant(input.TakenAt, "takenAt", errors);
            var received = LegalInput.Instant(input.ResultReceivedAt, "resultReceivedAt", errors, required: false);
            var sample = LegalInput.OneOf(input.SampleType, "sampleType", ["urine", "blood", "other"], errors, "loại mẫu");
            var result = LegalInput.OneOf(input.Result, "result", ["positive", "negative"], errors, "kết quả");
            var substances = (input.Substances ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList();
            if (substances.Any(s => s.Length > 60))
                errors["substances"] = ["Tên chất ma túy quá dài (tối đa 60 ký tự)."];
            if (received is { } r && takenAt is { } t && r < t)
                errors["resultReceivedAt"] = ["Thời điểm nhận kết quả không được trước thời điểm lấy mẫu."];
            if (errors.Count > 0)
                return new Failure.Invalid(errors);
            return new DrugTestRecorded(takenAt!.Value, sample!, result!, substances, received, Trim(input.PerformedBy, 200));
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> ManagementAsync(Guid personId, ManagementInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var decidedAt = LegalInput.Instant(input.DecidedAt, "decidedAt", errors);
            if (string.IsNullOrWhiteSpace(input.DecisionNumber))
                errors["decisionNumber"] = ["Bắt buộc nhập số quyết định."];
            else if (input.DecisionNumber.Trim().Length > 50)
                errors["decisionNumber"] = ["Số quyết định tối đa 50 ký tự."];
            if (errors.Count > 0)
                return new Failure.Invalid(errors);
            return new ManagementDecided(decidedAt!.Value, input.DecisionNumber!.Trim(), LegalRegime.ForDecision(LegalTime.DayOf(decidedAt.Value)),
                Trim(input.OfficerUserName, 256), Trim(input.OfficerName, 200), Trim(input.Signer, 200));
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> ManagementChangeAsync(Guid personId, Guid decisionId, ManagementChangeInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var action = LegalInput.OneOf(input.Action, "action", ["suspend", "resume", "absence", "stop", "end"], errors, "thao tác");
            var on = LegalInput.Date(input.On, "on", errors);
            var until = LegalInput.Date(input.Until, "until", errors, required: false);
            if (errors.Count > 0)
                return new Failure.Invalid(errors);
            return new ManagementChanged(decisionId, action!, on!.Value, until, input.Reason?.Trim(), Trim(input.DecisionNumber, 50));
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> DeterminationAsync(Guid personId, DeterminationInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var concludedAt = LegalInput.Instant(input.ConcludedAt, "concludedAt", errors);
            var result = LegalInput.OneOf(input.Result, "result", ["addicted", "not-addicted"], errors, "kết luận");
            var criteria = input.CriteriaMet ?? [];
            if (result is not null && CaseFile.CheckDetermination(criteria, input.CriteriaDurationMet ?? true, result) is { } error)
                errors[criteria.Count < 3 || result == "not-addicted" ? "criteriaMet" : "criteriaDurationMet"] = [error];
            if (errors.Count > 0)
                return new Failure.Invalid(errors);
            return new AddictionDetermined(concludedAt!.Value, criteria.Order().ToList(), input.CriteriaDurationMet ?? true, result!, Trim(input.Facility, 300));
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> RegistrationAsync(Guid personId, RegistrationInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var at = LegalInput.Instant(input.RegisteredAt, "registeredAt", errors);
            var form = LegalInput.OneOf(input.Form, "form", [.. RehabForms.Voluntary, "substitution-therapy"], errors, "hình thức");
            return errors.Count > 0 ? new Failure.Invalid(errors) : new RehabRegistered(at!.Value, form!);
        }, cancellationToken);

    /// <summary>Term: Law 120 Art 29 (24 months the first time, 36 from the second) or, under Law 73, the range of Art 30–33 chosen in the decision.</summary>
    public Task<Result<PersonCaseFiles.Appended>> RehabAsync(Guid personId, RehabInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, context =>
        {
            var errors = new Dictionary<string, string[]>();
            var form = LegalInput.OneOf(input.Form, "form", RehabForms.All, errors, "hình thức cai nghiện");
            var decidedAt = LegalInput.Instant(input.DecidedAt, "decidedAt", errors);
            var startedOn = LegalInput.Date(input.StartedOn, "startedOn", errors, required: false);
            if (input.DeductedDays is < 0 or > 3650)
                errors["deductedDays"] = ["Số ngày được trừ không hợp lệ."];
            if (errors.Count > 0)
                return new Failure.Invalid(errors);

            var regime = LegalRegime.ForDecision(LegalTime.DayOf(decidedAt!.Value));
            // [I] Whether an earlier rehab of another kind (voluntary vs compulsory) makes this one "from the second time" (Law 120 Art 29).
            var sequence = 1 + (context.Parameters.Flag("repeat-counts-any-form") ? context.Current.RehabEpisodes
                : form == RehabForms.Compulsory ? context.Current.CompulsoryEpisodes : context.Current.RehabEpisodes - context.Current.CompulsoryEpisodes);
            int term;
            if (regime == LegalRegime.Law120)
            {
                term = context.Parameters.Number(sequence == 1 ? "rehab-term-first-months" : "rehab-term-repeat-months", regime);
                if (input.TermMonths is { } given && given != term)
                    return new Failure.Invalid("termMonths", $"Theo Luật 120/2025 Điều 29, lần cai nghiện thứ {sequence} có thời hạn {term} tháng.");
            }
            else
            {
                var key = form == RehabForms.Compulsory
                    ? (context.Facts.AgeOn(LegalTime.DayOf(decidedAt.Value)) >= 18 ? "compulsory-adult-term-months" : "compulsory-minor-term-months")
                    : "voluntary-term-months";
                var (min, max) = context.Parameters.Range(key, regime)!.Value;
                if (input.TermMonths is not { } given || given < min || given > max)
                    return new Failure.Invalid("termMonths", $"Quyết định theo Luật 73/2021: thời hạn từ {min} đến {max} tháng, nhập đúng thời hạn ghi trong quyết định (termMonths).");
                term = given;
            }

            return new RehabDecided(form!, decidedAt.Value, Trim(input.DecisionNumber, 50), startedOn, regime, sequence, term, input.FacilityId, Trim(input.FacilityName, 300), input.DeductedDays ?? 0);
        }, cancellationToken);

    public async Task<Result<PersonCaseFiles.Appended>> RehabStartAsync(Guid personId, Guid episodeId, StartInput input, CancellationToken cancellationToken) =>
        await OwnPlacementAsync(personId, episodeId, cancellationToken) is { } refused ? refused : await files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var on = LegalInput.Date(input.StartedOn, "startedOn", errors);
            return errors.Count > 0 ? new Failure.Invalid(errors) : new RehabStarted(episodeId, on!.Value);
        }, cancellationToken);

    public async Task<Result<PersonCaseFiles.Appended>> RehabEndAsync(Guid personId, Guid episodeId, EndInput input, CancellationToken cancellationToken) =>
        await OwnPlacementAsync(personId, episodeId, cancellationToken) is { } refused ? refused : await files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var on = LegalInput.Date(input.EndedOn, "endedOn", errors);
            var reason = LegalInput.OneOf(input.Reason, "reason", CaseFile.EpisodeEndReasonCodes, errors, "lý do kết thúc");
            return errors.Count > 0 ? new Failure.Invalid(errors) : new RehabEnded(episodeId, on!.Value, reason!);
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> TherapyAsync(Guid personId, TherapyInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var at = LegalInput.Instant(input.AdmittedAt, "admittedAt", errors);
            return errors.Count > 0 ? new Failure.Invalid(errors) : new TherapyAdmitted(at!.Value, Trim(input.Clinic, 300), input.FacilityId);
        }, cancellationToken);

    /// <summary>Giai đoạn cai nghiện (Law 120/2025 Art 29; NĐ 163/2026 Art 84–88); facility staff only for their own residents.</summary>
    public async Task<Result<PersonCaseFiles.Appended>> RehabStageAsync(Guid personId, Guid episodeId, StageInput input, CancellationToken cancellationToken) =>
        await OwnPlacementAsync(personId, episodeId, cancellationToken) is { } refused ? refused : await files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var stage = LegalInput.OneOf(input.Stage, "stage", CaseFile.RehabStages, errors, "giai đoạn cai nghiện");
            var on = LegalInput.Date(input.On, "on", errors);
            return errors.Count > 0 ? new Failure.Invalid(errors) : new RehabStageChanged(episodeId, stage!, on!.Value);
        }, cancellationToken);

    public async Task<Result<PersonCaseFiles.Appended>> TherapyPhaseAsync(Guid personId, Guid therapyId, PhaseInput input, CancellationToken cancellationToken) =>
        await OwnPlacementAsync(personId, therapyId, cancellationToken) is { } refused ? refused : await files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var phase = LegalInput.OneOf(input.Phase, "phase", CaseFile.TherapyPhases, errors, "giai đoạn điều trị");
            var on = LegalInput.Date(input.On, "on", errors);
            return errors.Count > 0 ? new Failure.Invalid(errors) : new TherapyPhaseChanged(therapyId, phase!, on!.Value);
        }, cancellationToken);

    public async Task<Result<PersonCaseFiles.Appended>> TherapyEndAsync(Guid personId, Guid therapyId, EndInput input, CancellationToken cancellationToken) =>
        await OwnPlacementAsync(personId, therapyId, cancellationToken) is { } refused ? refused : await files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var on = LegalInput.Date(input.EndedOn, "endedOn", errors);
            if (string.IsNullOrWhiteSpace(input.Reason))
                errors["reason"] = ["Bắt buộc chọn lý do kết thúc."];
            return errors.Count > 0 ? new Failure.Invalid(errors) : new TherapyEnded(therapyId, on!.Value, input.Reason!.Trim());
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> DossierAsync(Guid personId, DossierInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var at = LegalInput.Instant(input.DetectedAt, "detectedAt", errors);
            var ground = LegalInput.OneOf(input.Ground, "ground", CaseFile.DossierGrounds.Keys, errors, "căn cứ");
            return errors.Count > 0 ? new Failure.Invalid(errors) : new DossierOpened(at!.Value, ground!);
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> DossierStepAsync(Guid personId, Guid dossierId, DossierStepInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var step = LegalInput.OneOf(input.Step, "step", ["prepared", "notified", "sent-to-court", "court-query", "query-answered", "rejected", "withdrawn"], errors, "bước");
            var at = LegalInput.Instant(input.At, "at", errors);
            return errors.Count > 0 ? new Failure.Invalid(errors) : new DossierStepTaken(dossierId, step!, at!.Value, Trim(input.Note, 500));
        }, cancellationToken);

    /// <summary>Law 120 Art 42: 1 year (voluntary, substitution therapy, compulsory under 18), 2 years (compulsory, 18 and over).</summary>
    public Task<Result<PersonCaseFiles.Appended>> PostRehabAsync(Guid personId, PostRehabInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, context =>
        {
            var errors = new Dictionary<string, string[]>();
            var decidedAt = LegalInput.Instant(input.DecidedAt, "decidedAt", errors);
            var basis = LegalInput.OneOf(input.Basis, "basis", PostRehabBases, errors, "căn cứ");
            if (errors.Count > 0)
                return new Failure.Invalid(errors);
            var day = LegalTime.DayOf(decidedAt!.Value);
            var regime = LegalRegime.ForDecision(day);
            var years = context.Parameters.Number(basis == "compulsory-adult" ? "post-rehab-years-compulsory-adult" : "post-rehab-years-voluntary", regime);
            // [I] The term runs from the completion of rehab when the file records it (legal-rules §4.8), else from the decision.
            var startsOn = context.Parameters.Flag("post-rehab-starts-on-completion") && context.Current.LastCompletion is { } completed && completed <= day && completed >= day.AddDays(-30)
                ? completed : day;
            return new PostRehabDecided(decidedAt.Value, basis!, regime, startsOn, years, Trim(input.DecisionNumber, 50));
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> PostRehabEndAsync(Guid personId, Guid decisionId, EndInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var on = LegalInput.Date(input.EndedOn, "endedOn", errors);
            if (string.IsNullOrWhiteSpace(input.Reason))
                errors["reason"] = ["Bắt buộc chọn lý do kết thúc."];
            return errors.Count > 0 ? new Failure.Invalid(errors) : new PostRehabEnded(decisionId, on!.Value, input.Reason!.Trim());
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> SupervisionAsync(Guid personId, SupervisionInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var at = LegalInput.Instant(input.DecidedAt, "decidedAt", errors);
            if (at is { } a && LegalTime.DayOf(a) < LegalRegime.Law120InForce)
                errors["decidedAt"] = ["Giám sát điện tử áp dụng từ 01/07/2026 (Luật 120/2025 Điều 12)."];
            return errors.Count > 0 ? new Failure.Invalid(errors) : new SupervisionDecided(at!.Value, Trim(input.DecisionNumber, 50));
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> FittingAsync(Guid personId, Guid supervisionId, FittingInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var at = LegalInput.Instant(input.FittedAt, "fittedAt", errors);
            return errors.Count > 0 ? new Failure.Invalid(errors) : new SupervisionFitted(supervisionId, at!.Value);
        }, cancellationToken);

    public Task<Result<PersonCaseFiles.Appended>> ViolationAsync(Guid personId, ViolationInput input, CancellationToken cancellationToken) =>
        files.AppendAsync(personId, _ =>
        {
            var errors = new Dictionary<string, string[]>();
            var on = LegalInput.Date(input.On, "on", errors);
            var kind = LegalInput.OneOf(input.Kind, "kind", CaseFile.ViolationKinds.Keys, errors, "loại vi phạm");
            return errors.Count > 0 ? new Failure.Invalid(errors) : new ViolationRecorded(on!.Value, kind!, Trim(input.Description, 1000));
        }, cancellationToken);

    /// <summary>
    /// Facility staff record facts only for a stay in their own facility (issue 16): 404 for a person not placed there (they
    /// cannot see them), 403 for another placement of a resident. Other users: no restriction here.
    /// </summary>
    private async Task<Failure?> OwnPlacementAsync(Guid personId, Guid sourceId, CancellationToken cancellationToken)
    {
        if (user.ScopeKind != ScopeKind.Facility)
            return null;
        if (!await db.Persons.AnyAsync(p => p.Id == personId, cancellationToken))
            return new Failure.NotFound();
        var facility = user.FacilityId;
        return await db.FacilityResidents.AnyAsync(r => r.PersonId == personId && r.SourceId == sourceId && r.FacilityId == facility, cancellationToken)
            ? null
            : new Failure.Forbidden();
    }

    private static string? Trim(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();
}
