using Pcmt.Features.Deadlines;
using Pcmt.Features.Persons;

namespace Pcmt.Features.Lifecycle;

/// <summary>What the law needs to know about the person: age (minors 12–&lt;18) and the circumstances that exclude compulsory rehab.</summary>
public sealed record PersonFacts(int BirthYear, DateOnly? DateOfBirth, PersonFlags Flags)
{
    /// <summary>Age in whole years on a day; with only a year of birth, counted from 31/12 of that year (never older than certain).</summary>
    public int AgeOn(DateOnly day)
    {
        var birth = DateOfBirth ?? new DateOnly(BirthYear, 12, 31);
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary>One recorded fact, in the order it was recorded.</summary>
public sealed record CaseEntry(Guid Id, CaseEvent Event);

/// <summary>Việc cần làm: an open legal deadline, who must act and on what legal basis.</summary>
public sealed record Obligation(string Kind, Guid SourceId, string Title, DateTimeOffset DueAt, string LegalBasis, string Authority, string? Form);

/// <summary>Membership of one of the four lists of Law 120 Art 27, 48 (users under management, addicts, in rehab, post-rehab).</summary>
public sealed record ListMembership(string List, Guid SourceId, DateOnly From, DateOnly? To, string? RemovalReason);

/// <summary>A case as shown on the person page and in the API: management term, rehab episode, dossier, post-rehab, …</summary>
public sealed record CaseView(Guid Id, string Type, string Title, string? Regime, string State, DateOnly? StartsOn, DateOnly? EndsOn, int? TermMonths, string? DecisionNumber);

public sealed record CaseError(Guid EntryId, string Field, string Message);

public sealed record CaseFileResult(
    string Status,
    IReadOnlyList<Obligation> Obligations,
    IReadOnlyList<ListMembership> Lists,
    IReadOnlyList<CaseView> Cases,
    IReadOnlyList<CaseError> Errors,
    int RehabEpisodes,
    int CompulsoryEpisodes,
    DateOnly? LastCompletion,
    string? LastCompletionBasis);

public static class LegalLists
{
    public const string Users = "users";
    public const string Addicted = "addicted";
    public const string InRehab = "in-rehab";
    public const string PostRehab = "post-rehab";

    public static IReadOnlyList<string> All { get; } = [Users, Addicted, InRehab, PostRehab];

    public static string DisplayName(string list) => list switch
    {
        Users => "Danh sách người sử dụng trái phép chất ma túy đang bị quản lý (Mẫu 10)",
        Addicted => "Danh sách người nghiện ma túy",
        InRehab => "Danh sách người đang cai nghiện ma túy",
        _ => "Danh sách người bị quản lý sau cai nghiện ma túy",
    };
}

/// <summary>
/// Hồ sơ pháp lý của một người: folds the recorded facts, in time order, through the state machines of legal-rules §4
/// (management §4.2, addiction §4.3, rehab §4.4–4.6, substitution therapy §4.5, electronic supervision §4.7, post-rehab §4.8,
/// violations §4.9) and derives the status, the open deadlines and the list memberships. Plain C#, no I/O.
/// A fact that the state machine refuses yields a <see cref="CaseError"/> for its entry.
/// </summary>
public sealed class CaseFile
{
    private readonly LegalParameters _p;
    private readonly HolidayCalendar _calendar;
    private readonly PersonFacts _facts;

    private readonly List<Management> _managements = [];
    private readonly List<Episode> _episodes = [];
    private readonly List<Therapy> _therapies = [];
    private readonly List<Dossier> _dossiers = [];
    private readonly List<PostRehab> _postRehabs = [];
    private readonly List<Supervision> _supervisions = [];
    private readonly Dictionary<(string Kind, Guid Source), Obligation> _open = [];
    private readonly List<ListMembership> _addictedList = [];
    private readonly List<CaseError> _errors = [];
    private readonly Dictionary<string, int> _violationCounts = [];
    private DateTimeOffset? _addictedPendingSince;
    private DateTimeOffset? _measureSince;
    private bool _anyCase;
    private DateOnly? _lastCompletion;
    private string? _lastCompletionBasis;
    private Guid _current;

    private CaseFile(PersonFacts facts, LegalParameters parameters, HolidayCalendar calendar)
    {
        _facts = facts;
        _p = parameters;
        _calendar = calendar;
    }

    public static CaseFileResult Evaluate(IReadOnlyList<CaseEntry> entries, PersonFacts facts, DateTimeOffset now, LegalParameters parameters, HolidayCalendar calendar)
    {
        var file = new CaseFile(facts, parameters, calendar);
        // Stable sort: facts with the same moment keep the order they were recorded in.
        foreach (var entry in entries.OrderBy(e => e.Event.At))
        {
            file._current = entry.Id;
            file.Apply(entry.Event);
        }

        return file.Result(now);
    }

    // ---- the facts ------------------------------------------------------------------------------------------------------

    private void Apply(CaseEvent e)
    {
        switch (e)
        {
            case DrugTestRecorded test: OnDrugTest(test); break;
            case ManagementDecided decision: OnManagementDecided(decision); break;
            case ManagementChanged change: OnManagementChanged(change); break;
            case AddictionDetermined determination: OnAddictionDetermined(determination); break;
            case RehabRegistered registration: OnRehabRegistered(registration); break;
            case RehabDecided decision: OnRehabDecided(decision); break;
            case RehabStarted started: OnRehabStarted(started); break;
            case RehabEnded ended: OnRehabEnded(ended); break;
            case RehabStageChanged stage: OnRehabStage(stage); break;
            case TherapyAdmitted admitted: OnTherapyAdmitted(admitted); break;
            case TherapyPhaseChanged phase: OnTherapyPhase(phase); break;
            case TherapyEnded ended: OnTherapyEnded(ended); break;
            case DossierOpened opened: OnDossierOpened(opened); break;
            case DossierStepTaken step: OnDossierStep(step); break;
            case PostRehabDecided decision: OnPostRehabDecided(decision); break;
            case PostRehabEnded ended: OnPostRehabEnded(ended); break;
            case SupervisionDecided decision: OnSupervisionDecided(decision); break;
            case SupervisionFitted fitted: OnSupervisionFitted(fitted); break;
            case ViolationRecorded violation: OnViolation(violation); break;
        }
    }

    /// <summary>Law 120 Art 23–24; NĐ 163 Art 57–59.</summary>
    private void OnDrugTest(DrugTestRecorded test)
    {
        if (!test.Positive)
            return;
        var day = LegalTime.DayOf(test.TakenAt);
        var regime = LegalRegime.ForDecision(LegalTime.DayOf(test.ReceivedAt));
        var hours = _p.Number("management-decision-hours", regime);
        var management = ActiveManagement(day);
        if (management is not null)
        {
            // Continued use during management: a new decision within 24 h, the 1-year term restarts (NĐ 163 Art 59).
            Open("management-decision", _current, "Ra quyết định quản lý mới do tiếp tục sử dụng (thời hạn tính lại từ đầu)", LegalTime.AfterHours(test.ReceivedAt, hours),
                "NĐ 163/2026 Điều 59", _p.Value("management-decider", regime), "04");
            return;
        }

        if (ActiveEpisode(e => !e.Decision.Compulsory) is not null)
        {
            // Use during voluntary rehab is a ground for the compulsory dossier (Law 120 Art 35.1.b).
            OpenDossierDeadline(test.TakenAt, "Luật 120/2025 Điều 35 khoản 1 điểm b");
            return;
        }

        if (_addictedPendingSince is not null || ActiveTherapy() is not null || ActiveEpisode(e => e.Decision.Compulsory) is not null
            || OpenDossier() is not null || _postRehabs.Any(p => p.IsActiveOn(day)))
            return; // Addiction already established, or managed under another measure.

        Open("management-decision", _current, "Ra quyết định quản lý người sử dụng trái phép chất ma túy (Mẫu 04)", LegalTime.AfterHours(test.ReceivedAt, hours),
            _p.Source("management-decision-hours", regime), _p.Value("management-decider", regime), "04");
    }

    private void OnManagementDecided(ManagementDecided decision)
    {
        _anyCase = true;
        var start = LegalTime.DayOf(decision.DecidedAt);
        foreach (var active in _managements.Where(m => m.State is "active" or "suspended"))
            active.Close(start, "superseded", "Có quyết định quản lý mới (tiếp tục sử dụng)");
        CloseAll("management-decision");
        _managements.Add(new Management(_current, decision, start, MeasureEnd(LegalTime.LastDayOfYears(start, _p.Number("management-term-years", decision.Regime)))));
    }

    private void OnManagementChanged(ManagementChanged change)
    {
        var management = _managements.FirstOrDefault(m => m.Id == change.DecisionId);
        if (management is null)
        {
            Refuse("decisionId", "Không có quyết định quản lý này trong hồ sơ.");
            return;
        }

        if (change.On < management.StartsOn)
        {
            Refuse("on", "Ngày không được trước ngày bắt đầu quản lý (" + Format.Date(management.StartsOn) + ").");
            return;
        }

        switch (change.Action)
        {
            case "suspend" when management.State == "active":
                management.State = "suspended"; // Law 120 Art 24.7: held or detained (Form 07).
                break;
            case "resume" when management.State == "suspended":
                if (change.On > management.EndsOn)
                    management.Close(change.On, "stopped", "Thời gian tạm giữ, tạm giam dài hơn thời hạn quản lý còn lại"); // Art 24.7
                else
                    management.State = "active";
                break;
            case "absence" when management.State is "active" or "suspended":
                if (change.Until is not { } until || until < change.On)
                {
                    Refuse("until", "Nhập ngày kết thúc vắng mặt, không trước ngày bắt đầu.");
                    return;
                }

                // Absence without a report is not counted towards the term (NĐ 163 Art 60).
                management.ExcludedDays += until.DayNumber - change.On.DayNumber + 1;
                break;
            case "stop" when management.State is "active" or "suspended":
                if (change.Reason is not { Length: > 0 } reason || !ManagementStopReasons.TryGetValue(reason, out var reasonText))
                {
                    Refuse("reason", "Lý do chấm dứt phải là một trong: " + string.Join(", ", ManagementStopReasons.Keys) + ".");
                    return;
                }

                management.Close(change.On, "stopped", reasonText); // Law 120 Art 24.5 (Form 08)
                Close("management-stop", management.Id);
                break;
            case "end" when management.State == "active":
                if (change.On < management.EndsOn)
                {
                    Refuse("on", "Chưa hết thời hạn quản lý (đến hết ngày " + Format.Date(management.EndsOn) + "). Nếu có căn cứ, ra quyết định chấm dứt.");
                    return;
                }

                management.Close(change.On, "ended", "Hết thời hạn quản lý, không sử dụng trái phép chất ma túy"); // Art 27 (Form 09)
                break;
            default:
                Refuse("action", "Không thể " + ManagementActionName(change.Action) + " khi quản lý đang ở trạng thái \"" + Management.StateName(management.State) + "\".");
                break;
        }
    }

    /// <summary>TT 18/2021/TT-BYT Art 3: addicted ⇔ ≥ 3 of the 6 criteria, together for ≥ 1 month or recurring within 12 months.</summary>
    public static string? CheckDetermination(IReadOnlyList<int> criteria, bool durationMet, string result)
    {
        if (criteria.Any(c => c is < 1 or > 6) || criteria.Distinct().Count() != criteria.Count)
            return "Các tiêu chí là số từ 1 đến 6, không lặp lại (Thông tư 18/2021/TT-BYT Điều 3).";
        var meets = criteria.Count >= 3 && durationMet;
        if (result == "addicted" && !meets)
            return criteria.Count < 3
                ? $"Kết luận \"nghiện\" cần ít nhất 3 trong 6 tiêu chí; hồ sơ chỉ có {criteria.Count} (Thông tư 18/2021/TT-BYT Điều 3)."
                : "Kết luận \"nghiện\" cần các tiêu chí cùng xuất hiện ít nhất 1 tháng hoặc lặp lại trong 12 tháng (Thông tư 18/2021/TT-BYT Điều 3).";
        if (result == "not-addicted" && meets)
            return "Có từ 3 tiêu chí trở lên trong thời gian quy định thì kết luận là \"nghiện\" (Thông tư 18/2021/TT-BYT Điều 3).";
        return null;
    }

    private void OnAddictionDetermined(AddictionDetermined determination)
    {
        if (CheckDetermination(determination.CriteriaMet, determination.CriteriaDurationMet, determination.Result) is { } error)
        {
            Refuse("result", error);
            return;
        }

        if (!determination.Addicted)
            return;
        _anyCase = true;
        var day = LegalTime.DayOf(determination.ConcludedAt);
        var regime = LegalRegime.ForDecision(day);
        if (ActiveManagement(day) is { } management)
        {
            // Determined addicted during management: management stops (Law 120 Art 24.5.a; Form 08 within 24 h, NĐ 163 Art 63).
            Open("management-stop", management.Id, "Ra quyết định chấm dứt quản lý do xác định nghiện (Mẫu 08)", LegalTime.AfterHours(determination.ConcludedAt, _p.Number("management-notice-hours", regime)),
                "Luật 120/2025 Điều 24 khoản 5 điểm a; NĐ 163/2026 Điều 63", _p.Value("management-decider", regime), "08");
        }

        if (_addictedList.LastOrDefault() is not { To: null })
            _addictedList.Add(new ListMembership(LegalLists.Addicted, _current, day, null, null));

        if (_postRehabs.FirstOrDefault(p => p.IsActiveOn(day)) is not null)
        {
            OpenDossierDeadline(determination.ConcludedAt, "Luật 120/2025 Điều 31 khoản 1 điểm d, Điều 35 khoản 1 điểm d");
            return;
        }

        if (ActiveEpisode(_ => true) is not null || ActiveTherapy() is not null || OpenDossier() is not null)
            return;
        _addictedPendingSince = determination.ConcludedAt;
        var minor = _facts.AgeOn(day) < 18;
        Open("rehab-registration", _current, "Theo dõi việc đăng ký cai nghiện tự nguyện hoặc điều trị thay thế (quá hạn là \"không đăng ký\")",
            LegalTime.AfterHours(determination.ConcludedAt, _p.Number("register-after-addiction-hours", regime)), "NĐ 163/2026 Điều 4; Luật 120/2025 Điều 31",
            minor ? "Cha, mẹ hoặc người giám hộ đăng ký tại Công an cấp xã" : "Người nghiện đăng ký tại Công an cấp xã", "20");
    }

    private void OnRehabRegistered(RehabRegistered registration)
    {
        if (registration.Form == RehabForms.Compulsory)
        {
            Refuse("form", "Chỉ đăng ký được cai nghiện tự nguyện.");
            return;
        }

        _anyCase = true;
        var regime = LegalRegime.ForDecision(LegalTime.DayOf(registration.RegisteredAt));
        CloseAll("rehab-registration");
        _addictedPendingSince = null;
        if (registration.Form == "substitution-therapy")
            return;
        var publicFacility = registration.Form == RehabForms.PublicFacility;
        Open("rehab-decision", _current, publicFacility ? "Quyết định cai nghiện tự nguyện tại cơ sở công lập" : "Ra quyết định cai nghiện tự nguyện (Mẫu 22)",
            LegalTime.AfterHours(registration.RegisteredAt, _p.Number("voluntary-decision-hours", regime)),
            publicFacility ? "Luật 120/2025 Điều 34; NĐ 163/2026 Điều 95–97" : _p.Source("voluntary-decision-hours", regime),
            publicFacility ? "Giám đốc Công an cấp tỉnh (qua Công an cấp xã)" : "Trưởng Công an cấp xã", publicFacility ? null : "22");
    }

    /// <summary>Law 120 Art 35 (not applied to pregnant women, carers of a child under 36 months, people lacking capacity), Art 36 (from 12 years).</summary>
    public string? CompulsoryExclusion(DateOnly day)
    {
        if (_facts.Flags.HasFlag(PersonFlags.Pregnant))
            return "Không áp dụng biện pháp cai nghiện bắt buộc đối với phụ nữ mang thai (Luật 120/2025 Điều 35).";
        if (_facts.Flags.HasFlag(PersonFlags.SoleCarerOfChildUnder36Months))
            return "Không áp dụng biện pháp cai nghiện bắt buộc đối với người đang nuôi con dưới 36 tháng tuổi (Luật 120/2025 Điều 35).";
        if (_facts.Flags.HasFlag(PersonFlags.LacksAdministrativeCapacity))
            return "Không áp dụng biện pháp cai nghiện bắt buộc đối với người không có năng lực trách nhiệm hành chính (Luật 120/2025 Điều 35).";
        if (_facts.AgeOn(day) < _p.Number("compulsory-minimum-age", LegalParameters.AnyRegime))
            return "Cai nghiện bắt buộc chỉ áp dụng với người từ đủ 12 tuổi (Luật 120/2025 Điều 36).";
        return null;
    }

    private void OnRehabDecided(RehabDecided decision)
    {
        var day = LegalTime.DayOf(decision.DecidedAt);
        if (decision.Compulsory && CompulsoryExclusion(day) is { } exclusion)
        {
            Refuse("form", exclusion);
            return;
        }

        if (ActiveEpisode(_ => true) is { } running)
        {
            Refuse("decidedAt", "Người này đang trong một đợt cai nghiện (" + RehabForms.DisplayName(running.Decision.Form).ToLowerInvariant() + "); ghi nhận kết thúc đợt đó trước.");
            return;
        }

        if (decision.StartedOn is { } started && started < day)
        {
            Refuse("startedOn", "Ngày tiếp nhận không được trước ngày quyết định.");
            return;
        }

        _anyCase = true;
        var episode = new Episode(_current, decision) { StartedOn = decision.StartedOn };
        _episodes.Add(episode);
        _addictedPendingSince = null;
        _measureSince = decision.DecidedAt;
        CloseAll("rehab-registration");
        CloseAll("rehab-decision");
        if (decision.Compulsory)
        {
            foreach (var dossier in _dossiers.Where(d => d.IsOpen))
                dossier.Close("decided");
            CloseDossierDeadlines();
            return;
        }

        var regime = decision.Regime;
        if (decision.StartedOn is null)
            Open("rehab-start", _current, "Theo dõi việc bắt đầu cai nghiện, lập biên bản tiếp nhận (Mẫu 24) (quá hạn là \"không thực hiện\")",
                LegalTime.EndOf(LegalTime.LastWorkingDay(day, _p.Number("start-after-decision-working-days", regime), _calendar)), _p.Source("start-after-decision-working-days", regime),
                "Người cai nghiện; Trưởng Công an cấp xã theo dõi", "24");
        if (regime == LegalRegime.Law120 && decision.Form == RehabForms.HomeCommunity && _facts.AgeOn(day) >= 18)
            OpenSupervisionDecision(decision.DecidedAt);
    }

    private void OnRehabStarted(RehabStarted started)
    {
        if (_episodes.FirstOrDefault(e => e.Id == started.EpisodeId) is not { } episode || episode.EndedOn is not null)
        {
            Refuse("episodeId", "Không có đợt cai nghiện đang thực hiện này trong hồ sơ.");
            return;
        }

        if (started.StartedOn < LegalTime.DayOf(episode.Decision.DecidedAt))
        {
            Refuse("startedOn", "Ngày tiếp nhận không được trước ngày quyết định.");
            return;
        }

        episode.StartedOn = started.StartedOn;
        Close("rehab-start", episode.Id);
    }

    private static readonly Dictionary<string, string> EpisodeEndReasons = new()
    {
        ["completed"] = "Hoàn thành cai nghiện",
        ["self-terminated"] = "Tự ý chấm dứt",
        ["used-drugs"] = "Sử dụng trái phép chất ma túy trong thời gian cai nghiện tự nguyện",
        ["not-started"] = "Không thực hiện",
        ["refused-supervision"] = "Không chấp hành giám sát điện tử",
        ["imprisoned"] = "Chấp hành án phạt tù",
        ["moved"] = "Chuyển nơi cư trú",
        ["died"] = "Chết",
        ["other"] = "Lý do khác",
    };

    public static IReadOnlyCollection<string> EpisodeEndReasonCodes => EpisodeEndReasons.Keys;

    /// <summary>The end reasons with their Vietnamese names, for the person page's forms.</summary>
    public static IReadOnlyDictionary<string, string> EpisodeEndReasonNames => EpisodeEndReasons;

    private void OnRehabEnded(RehabEnded ended)
    {
        if (_episodes.FirstOrDefault(e => e.Id == ended.EpisodeId) is not { } episode || episode.EndedOn is not null)
        {
            Refuse("episodeId", "Không có đợt cai nghiện đang thực hiện này trong hồ sơ.");
            return;
        }

        if (!EpisodeEndReasons.ContainsKey(ended.Reason))
        {
            Refuse("reason", "Lý do kết thúc phải là một trong: " + string.Join(", ", EpisodeEndReasons.Keys) + ".");
            return;
        }

        if (ended.EndedOn < LegalTime.DayOf(episode.Decision.DecidedAt))
        {
            Refuse("endedOn", "Ngày kết thúc không được trước ngày quyết định.");
            return;
        }

        episode.EndedOn = ended.EndedOn;
        episode.EndReason = ended.Reason;
        Close("rehab-start", episode.Id);
        var regime = LegalRegime.ForDecision(ended.EndedOn);
        switch (ended.Reason)
        {
            case "completed":
                _lastCompletion = ended.EndedOn;
                _lastCompletionBasis = !episode.Decision.Compulsory ? "voluntary" : _facts.AgeOn(ended.EndedOn) >= 18 ? "compulsory-adult" : "compulsory-minor";
                CloseAddictedList(ended.EndedOn, "Hoàn thành cai nghiện");
                OpenPostRehabProposal(ended.EndedOn, regime);
                break;
            case "self-terminated" or "not-started" or "refused-supervision" when !episode.Decision.Compulsory:
                OpenDossierDeadline(LegalTime.EndOf(ended.EndedOn.AddDays(-1)), "Luật 120/2025 Điều 35 khoản 1 điểm a; Điều 47");
                break;
            case "used-drugs" when !episode.Decision.Compulsory:
                OpenDossierDeadline(LegalTime.EndOf(ended.EndedOn.AddDays(-1)), "Luật 120/2025 Điều 35 khoản 1 điểm b");
                break;
            case "died":
                CloseAddictedList(ended.EndedOn, "Chết");
                break;
        }
    }

    private void OnTherapyAdmitted(TherapyAdmitted admitted)
    {
        if (ActiveTherapy() is not null)
        {
            Refuse("admittedAt", "Người này đang điều trị thay thế.");
            return;
        }

        _anyCase = true;
        var day = LegalTime.DayOf(admitted.AdmittedAt);
        _therapies.Add(new Therapy(_current, admitted, day));
        _addictedPendingSince = null;
        _measureSince = admitted.AdmittedAt;
        CloseAll("rehab-registration");
        if (LegalRegime.ForDecision(day) == LegalRegime.Law120 && _facts.AgeOn(day) >= 18)
            OpenSupervisionDecision(admitted.AdmittedAt);
    }

    /// <summary>The five stages in their legal order (Law 120/2025 Art 29; NĐ 163/2026 Art 84–88; the same five under Law 73/2021 Art 29).</summary>
    private static readonly List<string> RehabStageOrder = ["intake", "detox", "education", "labour", "reintegration"];

    public static IReadOnlyList<string> RehabStages => RehabStageOrder;

    /// <summary>
    /// A stage starts only within a stay that has begun and not ended, only after the current one (stages are not skipped
    /// or repeated), and only once the current one has lasted its minimum: detox ≥ 10 days (NĐ 163/2026 Art 85), education,
    /// counselling and behavioural rehabilitation ≥ 03 months (Art 86); the preparation for reintegration is the last 30 days
    /// of the term (Art 88), so it cannot start earlier. Intake lasts at most 02 days (Art 84): a later detox start is
    /// recorded as it happened, not refused.
    /// </summary>
    private void OnRehabStage(RehabStageChanged change)
    {
        if (_episodes.FirstOrDefault(e => e.Id == change.EpisodeId) is not { EndedOn: null, StartedOn: { } started } episode)
        {
            Refuse("episodeId", "Không có đợt cai nghiện đang thực hiện (đã có biên bản tiếp nhận) này trong hồ sơ.");
            return;
        }

        var next = RehabStageOrder.IndexOf(change.Stage);
        if (next < 0)
        {
            Refuse("stage", "Giai đoạn phải là: " + string.Join(", ", RehabStages.Select(s => s + " (" + CaseLabels.State(s) + ")")) + ".");
            return;
        }

        var current = RehabStageOrder.IndexOf(episode.Stage);
        if (next != current + 1)
        {
            Refuse("stage", "Các giai đoạn được thực hiện lần lượt (Luật 120/2025 Điều 29): đang ở giai đoạn \"" + CaseLabels.State(episode.Stage) + "\""
                + (current + 1 < RehabStages.Count ? ", giai đoạn tiếp theo là \"" + CaseLabels.State(RehabStages[current + 1]) + "\"." : ", là giai đoạn cuối."));
            return;
        }

        var since = episode.StageSince ?? started;
        if (change.On < since)
        {
            Refuse("on", "Ngày chuyển giai đoạn không được trước ngày bắt đầu giai đoạn hiện tại (" + Format.Date(since) + ").");
            return;
        }

        if (episode.Stage == "detox" && change.On < since.AddDays(10))
        {
            Refuse("on", "Giai đoạn điều trị cắt cơn, giải độc kéo dài ít nhất 10 ngày (Nghị định 163/2026/NĐ-CP Điều 85): sớm nhất từ ngày " + Format.Date(since.AddDays(10)) + ".");
            return;
        }

        if (episode.Stage == "education" && change.On < since.AddMonths(3))
        {
            Refuse("on", "Giai đoạn giáo dục, tư vấn, phục hồi hành vi, nhân cách kéo dài ít nhất 03 tháng (Nghị định 163/2026/NĐ-CP Điều 86): sớm nhất từ ngày " + Format.Date(since.AddMonths(3)) + ".");
            return;
        }

        if (change.Stage == "reintegration" && episode.PlannedEnd(_p, _calendar) is { } end && change.On < end.AddDays(-30))
        {
            Refuse("on", "Giai đoạn chuẩn bị tái hòa nhập cộng đồng là 30 ngày cuối của thời hạn (Nghị định 163/2026/NĐ-CP Điều 88): sớm nhất từ ngày " + Format.Date(end.AddDays(-30)) + ".");
            return;
        }

        episode.Stage = change.Stage;
        episode.StageSince = change.On;
    }

    public static IReadOnlyList<string> TherapyPhases { get; } = ["induction", "titration", "maintenance", "taper"];

    private void OnTherapyPhase(TherapyPhaseChanged phase)
    {
        if (_therapies.FirstOrDefault(t => t.Id == phase.TherapyId) is not { EndedOn: null } therapy)
        {
            Refuse("therapyId", "Không có đợt điều trị thay thế đang thực hiện này trong hồ sơ.");
            return;
        }

        if (!TherapyPhases.Contains(phase.Phase))
        {
            Refuse("phase", "Giai đoạn phải là: induction (khởi liều), titration (điều chỉnh liều), maintenance (duy trì), taper (giảm liều tiến tới ngừng).");
            return;
        }

        therapy.Phase = phase.Phase;
    }

    private void OnTherapyEnded(TherapyEnded ended)
    {
        if (_therapies.FirstOrDefault(t => t.Id == ended.TherapyId) is not { EndedOn: null } therapy)
        {
            Refuse("therapyId", "Không có đợt điều trị thay thế đang thực hiện này trong hồ sơ.");
            return;
        }

        string[] reasons = ["completed", "self-terminated", "terminated-violation", "moved", "died", "other"];
        if (!reasons.Contains(ended.Reason))
        {
            Refuse("reason", "Lý do kết thúc phải là một trong: " + string.Join(", ", reasons) + ".");
            return;
        }

        therapy.EndedOn = ended.EndedOn;
        therapy.EndReason = ended.Reason;
        if (ended.Reason == "completed")
        {
            // Completing substitution therapy → post-rehab management for 1 year (Law 120 Art 42).
            _lastCompletion = ended.EndedOn;
            _lastCompletionBasis = "substitution-therapy";
            CloseAddictedList(ended.EndedOn, "Hoàn thành điều trị thay thế");
            OpenPostRehabProposal(ended.EndedOn, LegalRegime.ForDecision(ended.EndedOn));
        }
        else if (ended.Reason is "self-terminated" or "terminated-violation")
        {
            OpenDossierDeadline(LegalTime.EndOf(ended.EndedOn.AddDays(-1)), "Luật 120/2025 Điều 35 khoản 1 điểm c");
        }
    }

    public static IReadOnlyDictionary<string, string> DossierGrounds { get; } = new Dictionary<string, string>
    {
        ["not-registered"] = "Không đăng ký cai nghiện tự nguyện (Luật 120/2025 Điều 35.1.a)",
        ["not-started"] = "Không thực hiện cai nghiện tự nguyện (Điều 35.1.a)",
        ["self-terminated"] = "Tự ý chấm dứt cai nghiện tự nguyện (Điều 35.1.a)",
        ["used-during-voluntary"] = "Sử dụng trái phép chất ma túy trong thời gian cai nghiện tự nguyện (Điều 35.1.b)",
        ["therapy"] = "Không đăng ký, không thực hiện, tự ý chấm dứt hoặc bị chấm dứt điều trị thay thế (Điều 35.1.c)",
        ["post-rehab-addicted"] = "Bị xác định nghiện trong thời gian quản lý sau cai nghiện (Điều 35.1.d)",
        ["violations"] = "Vi phạm theo Điều 36.3, Điều 47.2–4 (Điều 35.1.đ)",
    };

    private void OnDossierOpened(DossierOpened opened)
    {
        var day = LegalTime.DayOf(opened.DetectedAt);
        if (!DossierGrounds.ContainsKey(opened.Ground))
        {
            Refuse("ground", "Căn cứ phải là một trong: " + string.Join(", ", DossierGrounds.Keys) + ".");
            return;
        }

        if (CompulsoryExclusion(day) is { } exclusion)
        {
            Refuse("ground", exclusion);
            return;
        }

        if (OpenDossier() is not null)
        {
            Refuse("detectedAt", "Đã có hồ sơ đề nghị cai nghiện bắt buộc đang xử lý.");
            return;
        }

        _anyCase = true;
        _addictedPendingSince = null;
        CloseAll("rehab-registration");
        CloseAll("rehab-start");
        var earlier = _open.Values.Where(o => o.Kind == "compulsory-dossier").Select(o => (DateTimeOffset?)o.DueAt).Min();
        CloseAll("compulsory-dossier");
        var dossier = new Dossier(_current, opened, day);
        _dossiers.Add(dossier);
        var regime = LegalRegime.ForDecision(day);
        var due = LegalTime.EndOf(LegalTime.LastWorkingDay(day, _p.Number("dossier-prepare-working-days", regime), _calendar));
        Open("dossier-prepare", _current, "Lập hồ sơ đề nghị áp dụng biện pháp cai nghiện bắt buộc (Mẫu 33–41); đưa người vào cơ sở công lập gần nhất trong thời gian lập hồ sơ (Mẫu 32)",
            earlier is { } e && e < due ? e : due, _p.Source("dossier-prepare-working-days", regime), "Trưởng Công an cấp xã", "32");
        Open("dossier-limitation", _current, "Hết thời hiệu áp dụng biện pháp cai nghiện bắt buộc", LegalTime.EndOf(LegalTime.LastDayOfMonths(day, _p.Number("dossier-limitation-months", regime))),
            _p.Source("dossier-limitation-months", regime), "Tòa án nhân dân khu vực", null);
    }

    private void OnDossierStep(DossierStepTaken step)
    {
        if (_dossiers.FirstOrDefault(d => d.Id == step.DossierId) is not { IsOpen: true } dossier)
        {
            Refuse("dossierId", "Không có hồ sơ đề nghị cai nghiện bắt buộc đang xử lý này.");
            return;
        }

        var day = LegalTime.DayOf(step.StepAt);
        var regime = LegalRegime.ForDecision(dossier.DetectedOn);
        switch (step.Step)
        {
            case "prepared" when dossier.Stage == "detected":
                dossier.Stage = "prepared";
                Close("dossier-prepare", dossier.Id);
                Open("dossier-notify", dossier.Id, "Thông báo cho người bị đề nghị và gia đình đọc hồ sơ", LegalTime.EndOf(LegalTime.LastWorkingDay(day, 1, _calendar)),
                    "Luật 120/2025 Điều 35; NĐ 163/2026 Điều 100–105", "Công an cấp xã", null);
                break;
            case "notified" when dossier.Stage == "prepared":
                dossier.Stage = "reading";
                Close("dossier-notify", dossier.Id);
                var readingEnds = LegalTime.LastWorkingDay(day, _p.Number("dossier-reading-working-days", regime), _calendar);
                Open("dossier-send", dossier.Id, "Gửi hồ sơ đến Tòa án nhân dân khu vực (sau " + _p.Value("dossier-reading-working-days", regime) + " ngày làm việc đọc hồ sơ, hết ngày " + Format.Date(readingEnds) + ")",
                    LegalTime.EndOf(LegalTime.LastWorkingDay(readingEnds, _p.Number("dossier-send-working-days", regime), _calendar)), _p.Source("dossier-send-working-days", regime), "Trưởng Công an cấp xã", null);
                break;
            case "sent-to-court" when dossier.Stage == "reading":
                dossier.Stage = "at-court";
                Close("dossier-send", dossier.Id);
                break;
            case "court-query" when dossier.Stage == "at-court":
                Open("court-answer", _current, "Trả lời yêu cầu của Tòa án", LegalTime.EndOf(LegalTime.LastWorkingDay(day, _p.Number("dossier-court-query-working-days", regime), _calendar)),
                    _p.Source("dossier-court-query-working-days", regime), "Công an cấp xã", null);
                break;
            case "query-answered" when dossier.Stage == "at-court":
                CloseAll("court-answer");
                break;
            case "rejected" or "withdrawn":
                dossier.Close(step.Step);
                CloseDossierDeadlines();
                break;
            default:
                Refuse("step", "Bước \"" + step.Step + "\" không hợp lệ khi hồ sơ đang ở bước \"" + Dossier.StageName(dossier.Stage) + "\". Thứ tự: prepared → notified → sent-to-court (court-query, query-answered), hoặc rejected/withdrawn.");
                break;
        }
    }

    private void OnPostRehabDecided(PostRehabDecided decision)
    {
        if (_postRehabs.Any(p => p.EndedOn is null && p.IsActiveOn(LegalTime.DayOf(decision.DecidedAt))))
        {
            Refuse("decidedAt", "Người này đang bị quản lý sau cai nghiện.");
            return;
        }

        _anyCase = true;
        CloseAll("post-rehab-proposal");
        var post = new PostRehab(_current, decision, MeasureEnd(LegalTime.LastDayOfYears(decision.StartsOn, decision.TermYears)));
        _postRehabs.Add(post);
        _measureSince = decision.DecidedAt;
        var day = LegalTime.DayOf(decision.DecidedAt);
        if (decision.Regime == LegalRegime.Law120 && (_facts.AgeOn(day) >= 18 || _facts.Flags.HasFlag(PersonFlags.NoStableResidence)))
            OpenSupervisionDecision(decision.DecidedAt);
    }

    private void OnPostRehabEnded(PostRehabEnded ended)
    {
        if (_postRehabs.FirstOrDefault(p => p.Id == ended.DecisionId) is not { EndedOn: null } post)
        {
            Refuse("decisionId", "Không có quyết định quản lý sau cai nghiện đang thực hiện này.");
            return;
        }

        string[] reasons = ["completed", "addicted", "moved", "imprisoned", "died", "other"];
        if (!reasons.Contains(ended.Reason))
        {
            Refuse("reason", "Lý do kết thúc phải là một trong: " + string.Join(", ", reasons) + ".");
            return;
        }

        post.EndedOn = ended.EndedOn;
        post.EndReason = ended.Reason;
        Close("post-rehab-end-certificate", post.Id);
    }

    private void OnSupervisionDecided(SupervisionDecided decision)
    {
        _supervisions.Add(new Supervision(_current, decision));
        CloseAll("supervision-decision");
        Open("supervision-fit", _current, "Đeo thiết bị giám sát điện tử và ký cam kết", LegalTime.AfterHours(decision.DecidedAt, _p.Number("supervision-fit-hours", LegalRegime.Law120)),
            _p.Source("supervision-fit-hours", LegalRegime.Law120), "Công an cấp xã", null);
    }

    private void OnSupervisionFitted(SupervisionFitted fitted)
    {
        if (_supervisions.FirstOrDefault(s => s.Id == fitted.SupervisionId) is not { } supervision)
        {
            Refuse("supervisionId", "Không có quyết định giám sát điện tử này trong hồ sơ.");
            return;
        }

        supervision.FittedAt = fitted.FittedAt;
        Close("supervision-fit", supervision.Id);
    }

    public static IReadOnlyDictionary<string, string> ViolationKinds { get; } = new Dictionary<string, string>
    {
        ["rule"] = "Vi phạm nội quy, quy định về cai nghiện, quản lý (Luật 120/2025 Điều 47 khoản 4)",
        ["education-act"] = "Hành vi đủ điều kiện áp dụng biện pháp giáo dục tại xã (Điều 47 khoản 3)",
        ["supervision-refused"] = "Không chấp hành giám sát điện tử (Điều 47 khoản 2)",
        ["supervision-tampered"] = "Can thiệp, làm hỏng thiết bị giám sát (NĐ 163/2026 Điều 24 điểm b)",
        ["supervision-removed"] = "Tự ý tháo thiết bị giám sát (Điều 24 điểm c)",
        ["supervision-battery"] = "Để thiết bị hết pin 24 giờ không có lý do (Điều 24 điểm d)",
        ["supervision-not-reported"] = "Không trình báo trong 24 giờ sau khi hết thời gian tạm tháo thiết bị (Điều 24 điểm đ)",
    };

    /// <summary>Law 120 Art 47; NĐ 163 Art 25: reminders and reviews, then the compulsory dossier.</summary>
    private void OnViolation(ViolationRecorded violation)
    {
        if (!ViolationKinds.ContainsKey(violation.Kind))
        {
            Refuse("kind", "Loại vi phạm phải là một trong: " + string.Join(", ", ViolationKinds.Keys) + ".");
            return;
        }

        // Counters restart with each measure (rehab, therapy, post-rehab).
        var group = violation.Kind switch
        {
            "supervision-tampered" or "supervision-removed" => "supervision-bc",
            "supervision-battery" or "supervision-not-reported" => "supervision-dd",
            _ => violation.Kind,
        };
        var key = group + "|" + (_measureSince?.ToUnixTimeSeconds() ?? 0);
        var count = _violationCounts[key] = _violationCounts.GetValueOrDefault(key) + 1;
        var regime = LegalRegime.ForDecision(violation.On);
        var threshold = group switch
        {
            "rule" => _p.Number("violations-before-dossier", LegalParameters.AnyRegime),
            "supervision-bc" => _p.Number("supervision-reminders-tamper-remove", LegalRegime.Law120) + 1,
            "supervision-dd" => _p.Number("supervision-reminders-battery-report", LegalRegime.Law120) + 1,
            _ => 1,
        };
        _ = regime;
        if (count >= threshold)
            OpenDossierDeadline(LegalTime.EndOf(violation.On.AddDays(-1)), "Luật 120/2025 Điều 47; NĐ 163/2026 Điều 25");
    }

    /// <summary>What a violation leads to, by its number within the measure (Law 120 Art 47.4; NĐ 163 Art 25).</summary>
    public static string ViolationConsequence(string kind, int count, LegalParameters parameters) => kind switch
    {
        "rule" => count >= parameters.Number("violations-before-dossier", LegalParameters.AnyRegime) ? "Lập hồ sơ đề nghị cai nghiện bắt buộc" : count == 1 ? "Nhắc nhở" : "Kiểm điểm",
        "supervision-tampered" or "supervision-removed" => count > parameters.Number("supervision-reminders-tamper-remove", LegalRegime.Law120) ? "Lập hồ sơ đề nghị cai nghiện bắt buộc" : "Nhắc nhở",
        "supervision-battery" or "supervision-not-reported" => count > parameters.Number("supervision-reminders-battery-report", LegalRegime.Law120) ? "Lập hồ sơ đề nghị cai nghiện bắt buộc" : "Nhắc nhở",
        _ => "Lập hồ sơ đề nghị cai nghiện bắt buộc",
    };

    // ---- helpers ----------------------------------------------------------------------------------------------------------

    private void OpenDossierDeadline(DateTimeOffset detectedAt, string basis)
    {
        var day = LegalTime.DayOf(detectedAt);
        if (CompulsoryExclusion(day) is not null || OpenDossier() is not null)
            return;
        var regime = LegalRegime.ForDecision(day);
        Open("compulsory-dossier", _current, "Lập hồ sơ đề nghị áp dụng biện pháp cai nghiện bắt buộc",
            LegalTime.EndOf(LegalTime.LastWorkingDay(day, _p.Number("dossier-prepare-working-days", regime), _calendar)), basis + "; " + _p.Source("dossier-prepare-working-days", regime),
            "Trưởng Công an cấp xã", "32");
    }

    private void CloseDossierDeadlines()
    {
        foreach (var kind in new[] { "compulsory-dossier", "dossier-prepare", "dossier-notify", "dossier-send", "court-answer", "dossier-limitation" })
            CloseAll(kind);
    }

    private void OpenPostRehabProposal(DateOnly completedOn, string regime) =>
        Open("post-rehab-proposal", _current, "Đề nghị Chủ tịch UBND cấp xã quyết định quản lý sau cai nghiện (Mẫu 52, Mẫu 53)",
            LegalTime.EndOf(LegalTime.LastWorkingDay(completedOn, _p.Number("post-rehab-proposal-working-days", regime), _calendar)), _p.Source("post-rehab-proposal-working-days", regime),
            "Trưởng Công an cấp xã đề nghị; Chủ tịch UBND cấp xã quyết định", "52");

    private void OpenSupervisionDecision(DateTimeOffset after) =>
        Open("supervision-decision", _current, "Quyết định áp dụng giám sát điện tử", LegalTime.AfterHours(after, _p.Number("supervision-decision-hours", LegalRegime.Law120)),
            _p.Source("supervision-decision-hours", LegalRegime.Law120), "Trưởng Công an cấp xã", null);

    private void CloseAddictedList(DateOnly on, string reason)
    {
        if (_addictedList.Count > 0 && _addictedList[^1].To is null)
            _addictedList[^1] = _addictedList[^1] with { To = on, RemovalReason = reason };
    }

    /// <summary>Art 148.5 for the duration of a measure is a parameter, off by default (legal-rules §4).</summary>
    private DateOnly MeasureEnd(DateOnly lastDay) =>
        _p.Flag("durations-move-to-working-day") ? LegalTime.ToWorkingDay(lastDay, _calendar) : lastDay;

    private Management? ActiveManagement(DateOnly day) =>
        _managements.LastOrDefault(m => m.State is "active" or "suspended" && day >= m.StartsOn && day <= m.EndsOn);

    private Episode? ActiveEpisode(Func<Episode, bool> predicate) => _episodes.LastOrDefault(e => e.EndedOn is null && predicate(e));

    private Therapy? ActiveTherapy() => _therapies.LastOrDefault(t => t.EndedOn is null);

    private Dossier? OpenDossier() => _dossiers.LastOrDefault(d => d.IsOpen);

    private void Open(string kind, Guid source, string title, DateTimeOffset due, string basis, string authority, string? form) =>
        _open[(kind, source)] = new Obligation(kind, source, title, due, basis, authority, form);

    private void Close(string kind, Guid source) => _open.Remove((kind, source));

    private void CloseAll(string kind)
    {
        foreach (var key in _open.Keys.Where(k => k.Kind == kind).ToList())
            _open.Remove(key);
    }

    private void Refuse(string field, string message) => _errors.Add(new CaseError(_current, field, message));

    private static readonly Dictionary<string, string> ManagementStopReasons = new()
    {
        ["addicted"] = "Được xác định là nghiện ma túy (Luật 120/2025 Điều 24.5.a)",
        ["education-facility"] = "Bị đưa vào cơ sở giáo dục bắt buộc, trường giáo dưỡng hoặc áp dụng biện pháp xử lý chuyển hướng (Điều 24.5.b)",
        ["prison"] = "Chấp hành án phạt tù (Điều 24.5.c)",
        ["died"] = "Chết hoặc bị tuyên bố mất tích, đã chết (Điều 24.5.d)",
        ["moved"] = "Chuyển nơi cư trú (NĐ 163/2026 Điều 60, 62)",
    };

    public static IReadOnlyCollection<string> ManagementStopReasonCodes => ManagementStopReasons.Keys;

    private static string ManagementActionName(string action) => action switch
    {
        "suspend" => "tạm đình chỉ",
        "resume" => "tiếp tục quản lý",
        "absence" => "ghi nhận vắng mặt",
        "stop" => "chấm dứt",
        "end" => "kết thúc",
        _ => "thực hiện \"" + action + "\"",
    };

    // ---- the result -------------------------------------------------------------------------------------------------------

    private CaseFileResult Result(DateTimeOffset now)
    {
        var today = LegalTime.DayOf(now);
        foreach (var management in _managements.Where(m => m.State is "active" or "suspended"))
        {
            var regime = management.Decision.Regime;
            Open("management-end", management.Id, "Ra quyết định kết thúc quản lý khi hết thời hạn (Mẫu 09)",
                LegalTime.AfterHours(LegalTime.EndOf(management.EndsOn), _p.Number("management-notice-hours", regime)),
                regime == LegalRegime.Law120 ? "Luật 120/2025 Điều 27; NĐ 163/2026 Điều 63" : "Luật 73/2021 Điều 23", _p.Value("management-decider", regime), "09");
        }

        foreach (var episode in _episodes.Where(e => e.EndedOn is null && e.StartedOn is not null && e.Decision.Form == RehabForms.HomeCommunity))
        {
            var plannedEnd = episode.PlannedEnd(_p, _calendar)!.Value;
            Open("completion-notice", episode.Id, "Người hỗ trợ thông báo Công an cấp xã việc sắp hoàn thành cai nghiện (Mẫu 51)",
                LegalTime.EndOf(plannedEnd.AddDays(-_p.Number("completion-notice-days-before", episode.Decision.Regime))), _p.Source("completion-notice-days-before", episode.Decision.Regime),
                "Người hỗ trợ cai nghiện; Trưởng Công an cấp xã theo dõi", "51");
            Open("completion-certificate", episode.Id, "Cấp giấy xác nhận hoàn thành cai nghiện tại gia đình, cộng đồng (Mẫu 28) và chuyển quyết định quản lý sau cai",
                LegalTime.EndOf(episode.PlannedEnd(_p, _calendar)!.Value), _p.Source("completion-certificate-hours-before", episode.Decision.Regime), "Trưởng Công an cấp xã", "28");
        }

        foreach (var post in _postRehabs.Where(p => p.EndedOn is null))
        {
            Open("post-rehab-end-certificate", post.Id, "Cấp giấy chứng nhận hoàn thành quản lý sau cai nghiện (Mẫu 56) trong " + _p.Value("post-rehab-end-certificate-working-days", post.Decision.Regime) + " ngày làm việc trước khi kết thúc; xóa tên khỏi danh sách (Mẫu 57)",
                LegalTime.EndOf(post.EndsOn), _p.Source("post-rehab-end-certificate-working-days", post.Decision.Regime), "Chủ tịch UBND cấp xã", "56");
        }

        return new CaseFileResult(Status(now, today), _open.Values.OrderBy(o => o.DueAt).ToList(), Lists(today), Cases(now, today), _errors,
            _episodes.Count, _episodes.Count(e => e.Decision.Compulsory), _lastCompletion, _lastCompletionBasis);
    }

    private string Status(DateTimeOffset now, DateOnly today)
    {
        if (ActiveEpisode(e => e.Decision.Compulsory) is not null)
            return "in-compulsory-rehab";
        if (OpenDossier() is not null || _open.Keys.Any(k => k.Kind == "compulsory-dossier"))
            return "compulsory-dossier";
        if (ActiveEpisode(e => !e.Decision.Compulsory) is not null)
            return "in-voluntary-rehab";
        if (ActiveTherapy() is not null)
            return "on-substitution-therapy";
        if (_addictedPendingSince is not null)
            return "addicted-pending-registration";
        if (_postRehabs.Any(p => p.EndedOn is null && now < LegalTime.EndOf(p.EndsOn)))
            return "post-rehab";
        if (_managements.Any(m => m.State is "active" or "suspended" && now < LegalTime.EndOf(m.EndsOn)))
            return "under-management";
        return _anyCase ? "closed" : PersonStatus.None;
    }

    private List<ListMembership> Lists(DateOnly today)
    {
        var lists = new List<ListMembership>();
        foreach (var m in _managements)
        {
            var (to, reason) = m.ClosedOn is { } closed ? ((DateOnly?)closed, m.CloseReason) : m.EndsOn < today ? (m.EndsOn, "Hết thời hạn quản lý") : ((DateOnly?)null, (string?)null);
            lists.Add(new ListMembership(LegalLists.Users, m.Id, m.StartsOn, to, reason));
        }

        lists.AddRange(_addictedList);
        foreach (var e in _episodes)
        {
            lists.Add(new ListMembership(LegalLists.InRehab, e.Id, e.StartedOn ?? LegalTime.DayOf(e.Decision.DecidedAt), e.EndedOn,
                e.EndReason is { } reason ? EpisodeEndReasons[reason] : null));
        }

        foreach (var t in _therapies)
        {
            lists.Add(new ListMembership(LegalLists.InRehab, t.Id, t.AdmittedOn, t.EndedOn, t.EndReason is null ? null : "Kết thúc điều trị thay thế: " + t.EndReason));
        }

        foreach (var p in _postRehabs)
        {
            var (to, reason) = p.EndedOn is { } ended ? ((DateOnly?)ended, p.EndReason == "completed" ? "Hoàn thành quản lý sau cai nghiện" : p.EndReason) : p.EndsOn < today ? (p.EndsOn, "Hết thời hạn") : ((DateOnly?)null, (string?)null);
            lists.Add(new ListMembership(LegalLists.PostRehab, p.Id, p.Decision.StartsOn, to, reason));
        }

        return lists;
    }

    private List<CaseView> Cases(DateTimeOffset now, DateOnly today)
    {
        var cases = new List<CaseView>();
        foreach (var m in _managements)
        {
            var state = m.State is "active" or "suspended" && now >= LegalTime.EndOf(m.EndsOn) ? "expired" : m.State;
            cases.Add(new CaseView(m.Id, "management", "Quản lý người sử dụng trái phép chất ma túy", m.Decision.Regime, state, m.StartsOn, m.EndsOn, 12 * _p.Number("management-term-years", m.Decision.Regime), m.Decision.DecisionNumber));
        }

        foreach (var e in _episodes)
            cases.Add(new CaseView(e.Id, "rehab", RehabForms.DisplayName(e.Decision.Form) + (e.StartedOn is not null && e.EndedOn is null && e.StageSince is not null ? " — giai đoạn: " + CaseLabels.State(e.Stage).ToLower(PcmtApplication.Culture) : ""), e.Decision.Regime, e.EndReason ?? (e.StartedOn is null ? "decided" : "in-progress"), e.StartedOn, e.PlannedEnd(_p, _calendar), e.Decision.TermMonths, e.Decision.DecisionNumber));
        foreach (var t in _therapies)
            cases.Add(new CaseView(t.Id, "substitution-therapy", "Điều trị nghiện bằng thuốc thay thế" + (t.Admission.Clinic is { } clinic ? " tại " + clinic : ""), null, t.EndReason ?? t.Phase, t.AdmittedOn, t.EndedOn, null, null));
        foreach (var d in _dossiers)
            cases.Add(new CaseView(d.Id, "compulsory-dossier", "Hồ sơ đề nghị cai nghiện bắt buộc: " + DossierGrounds[d.Opened.Ground], LegalRegime.ForDecision(d.DetectedOn), d.Stage, d.DetectedOn, null, null, null));
        foreach (var p in _postRehabs)
        {
            var state = p.EndReason ?? (now >= LegalTime.EndOf(p.EndsOn) ? "expired" : "active");
            cases.Add(new CaseView(p.Id, "post-rehab", "Quản lý sau cai nghiện", p.Decision.Regime, state, p.Decision.StartsOn, p.EndsOn, 12 * p.Decision.TermYears, p.Decision.DecisionNumber));
        }

        foreach (var s in _supervisions)
            cases.Add(new CaseView(s.Id, "electronic-supervision", "Giám sát điện tử", LegalRegime.Law120, s.FittedAt is null ? "decided" : "fitted", LegalTime.DayOf(s.Decision.DecidedAt), null, null, s.Decision.DecisionNumber));
        _ = today;
        return cases.OrderBy(c => c.StartsOn).ToList();
    }

    private sealed class Management(Guid id, ManagementDecided decision, DateOnly startsOn, DateOnly baseEnd)
    {
        public Guid Id { get; } = id;

        public ManagementDecided Decision { get; } = decision;

        public DateOnly StartsOn { get; } = startsOn;

        public int ExcludedDays { get; set; }

        public DateOnly EndsOn => baseEnd.AddDays(ExcludedDays);

        public string State { get; set; } = "active";

        public DateOnly? ClosedOn { get; private set; }

        public string? CloseReason { get; private set; }

        public void Close(DateOnly on, string state, string reason)
        {
            State = state;
            ClosedOn = on;
            CloseReason = reason;
        }

        public static string StateName(string state) => state switch
        {
            "active" => "đang quản lý",
            "suspended" => "tạm đình chỉ",
            "stopped" => "đã chấm dứt",
            "ended" => "đã kết thúc",
            _ => "đã thay thế",
        };
    }

    private sealed class Episode(Guid id, RehabDecided decision)
    {
        public Guid Id { get; } = id;

        public RehabDecided Decision { get; } = decision;

        public DateOnly? StartedOn { get; set; }

        public DateOnly? EndedOn { get; set; }

        public string? EndReason { get; set; }

        /// <summary>The current stage (Law 120/2025 Art 29): intake from the reception record until a later stage is recorded.</summary>
        public string Stage { get; set; } = "intake";

        public DateOnly? StageSince { get; set; }

        /// <summary>The term runs from the reception record (NĐ 163 Art 92); time held during the dossier counts towards it (Law 120 Art 37).</summary>
        public DateOnly? PlannedEnd(LegalParameters p, HolidayCalendar calendar)
        {
            if (StartedOn is not { } start)
                return null;
            var end = LegalTime.LastDayOfMonths(start, Decision.TermMonths).AddDays(-Decision.DeductedDays);
            return p.Flag("durations-move-to-working-day") ? LegalTime.ToWorkingDay(end, calendar) : end;
        }
    }

    private sealed class Therapy(Guid id, TherapyAdmitted admission, DateOnly admittedOn)
    {
        public Guid Id { get; } = id;

        public TherapyAdmitted Admission { get; } = admission;

        public DateOnly AdmittedOn { get; } = admittedOn;

        public string Phase { get; set; } = "induction";

        public DateOnly? EndedOn { get; set; }

        public string? EndReason { get; set; }
    }

    private sealed class Dossier(Guid id, DossierOpened opened, DateOnly detectedOn)
    {
        public Guid Id { get; } = id;

        public DossierOpened Opened { get; } = opened;

        public DateOnly DetectedOn { get; } = detectedOn;

        public string Stage { get; set; } = "detected";

        public bool IsOpen => Stage is "detected" or "prepared" or "reading" or "at-court";

        public void Close(string outcome) => Stage = outcome;

        public static string StageName(string stage) => stage switch
        {
            "detected" => "phát hiện",
            "prepared" => "đã lập hồ sơ",
            "reading" => "đang cho đọc hồ sơ",
            "at-court" => "đã gửi Tòa án",
            "decided" => "Tòa án đã quyết định",
            _ => "đã đóng",
        };
    }

    private sealed class PostRehab(Guid id, PostRehabDecided decision, DateOnly endsOn)
    {
        public Guid Id { get; } = id;

        public PostRehabDecided Decision { get; } = decision;

        public DateOnly EndsOn { get; } = endsOn;

        public DateOnly? EndedOn { get; set; }

        public string? EndReason { get; set; }

        public bool IsActiveOn(DateOnly day) => EndedOn is null && day >= Decision.StartsOn && day <= EndsOn;
    }

    private sealed class Supervision(Guid id, SupervisionDecided decision)
    {
        public Guid Id { get; } = id;

        public SupervisionDecided Decision { get; } = decision;

        public DateTimeOffset? FittedAt { get; set; }
    }
}
