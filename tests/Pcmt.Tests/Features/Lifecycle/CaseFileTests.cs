using Pcmt.Features.Deadlines;
using Pcmt.Features.Lifecycle;
using Pcmt.Features.Persons;

namespace Pcmt.Tests.Features.Lifecycle;

/// <summary>The state machines of legal-rules §4, each rule with the article it implements. Pure: no database, no clock.</summary>
public sealed class CaseFileTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static readonly PersonFacts Adult = new(1990, new DateOnly(1990, 5, 12), PersonFlags.None);

    private static DateTimeOffset At(int y, int m, int d, int h = 9) => new(y, m, d, h, 0, 0, Vn);

    private static CaseFileResult Run(DateTimeOffset now, params CaseEvent[] events) => Run(Adult, now, events);

    private static CaseFileResult Run(PersonFacts facts, DateTimeOffset now, params CaseEvent[] events) =>
        CaseFile.Evaluate(events.Select((e, i) => new CaseEntry(Id(i), e)).ToList(), facts, now, LegalParameters.Defaults, HolidayCalendar.Shipped);

    private static Guid Id(int index) => new($"00000000-0000-0000-0000-{index + 1:D12}");

    private static DrugTestRecorded Positive(DateTimeOffset at) => new(at, "urine", "positive", ["methamphetamine"], null, null);

    private static ManagementDecided Management(DateTimeOffset at) => new(at, "01/QĐ-CAX", LegalRegime.ForDecision(LegalTime.DayOf(at)), null, null, null);

    private static AddictionDetermined Addicted(DateTimeOffset at) => new(at, [1, 2, 3], true, "addicted", null);

    private static RehabDecided Voluntary(DateTimeOffset at, DateOnly? started, int sequence = 1, int term = 24) =>
        new(RehabForms.HomeCommunity, at, "05/QĐ-CAX", started, LegalRegime.ForDecision(LegalTime.DayOf(at)), sequence, term, null, null, 0);

    [Fact]
    public void Law120_Art24_4_a_positive_test_calls_for_a_management_decision_within_24_hours()
    {
        var file = Run(At(2026, 8, 3, 12), Positive(At(2026, 8, 3, 10)));
        var item = Assert.Single(file.Obligations);
        Assert.Equal("management-decision", item.Kind);
        Assert.Equal(At(2026, 8, 4, 10), item.DueAt);
        Assert.Contains("Điều 24", item.LegalBasis, StringComparison.Ordinal);
        Assert.Equal("04", item.Form);
        Assert.Equal(PersonStatus.None, file.Status);
    }

    [Fact]
    public void Law120_Art24_4_the_24_hours_run_from_receiving_the_result_when_that_is_later()
    {
        var file = Run(At(2026, 8, 5), new DrugTestRecorded(At(2026, 8, 3, 10), "urine", "positive", [], At(2026, 8, 3, 16), null));
        Assert.Equal(At(2026, 8, 4, 16), Assert.Single(file.Obligations).DueAt);
    }

    [Fact]
    public void A_negative_test_creates_no_deadline() =>
        Assert.Empty(Run(At(2026, 8, 5), new DrugTestRecorded(At(2026, 8, 3, 10), "urine", "negative", [], null, null)).Obligations);

    [Fact]
    public void Law120_Art24_2_and_Art56_management_runs_one_year_under_the_regime_of_the_decision()
    {
        var file = Run(At(2026, 8, 5), Positive(At(2026, 8, 3, 10)), Management(At(2026, 8, 4)));
        var management = Assert.Single(file.Cases);
        Assert.Equal(LegalRegime.Law120, management.Regime);
        Assert.Equal(new DateOnly(2026, 8, 4), management.StartsOn);
        Assert.Equal(new DateOnly(2027, 8, 4), management.EndsOn);
        Assert.Equal("under-management", file.Status);
        Assert.DoesNotContain(file.Obligations, o => o.Kind == "management-decision");
        // Form 09 is due within 24 h after the term (NĐ 163 Art 63).
        Assert.Equal(LegalTime.EndOf(new DateOnly(2027, 8, 4)).AddHours(24), Assert.Single(file.Obligations, o => o.Kind == "management-end").DueAt);
    }

    [Fact]
    public void Law120_Art56_a_decision_before_01_07_2026_stays_under_Law73_with_the_commune_chairperson_deciding()
    {
        Assert.Equal(LegalRegime.Law73, LegalRegime.ForDecision(new DateOnly(2026, 6, 30)));
        Assert.Equal(LegalRegime.Law120, LegalRegime.ForDecision(new DateOnly(2026, 7, 1)));
        var file = Run(At(2026, 6, 20), Positive(At(2026, 6, 14, 8)));
        Assert.Equal("Chủ tịch Ủy ban nhân dân cấp xã", Assert.Single(file.Obligations).Authority);
        var decided = Run(At(2026, 6, 20), Management(At(2026, 6, 15)));
        Assert.Equal(LegalRegime.Law73, Assert.Single(decided.Cases).Regime);
        Assert.Equal(new DateOnly(2027, 6, 15), decided.Cases[0].EndsOn);
    }

    [Fact]
    public void NĐ163_Art59_continued_use_during_management_calls_for_a_new_decision_and_the_term_restarts()
    {
        var first = Management(At(2026, 8, 4));
        var file = Run(At(2026, 10, 2), first, Positive(At(2026, 10, 1, 8)));
        Assert.Equal(At(2026, 10, 2, 8), Assert.Single(file.Obligations, o => o.Kind == "management-decision").DueAt);

        var renewed = Run(At(2026, 10, 2), first, Positive(At(2026, 10, 1, 8)), Management(At(2026, 10, 1, 15)));
        Assert.Equal("superseded", renewed.Cases[0].State);
        Assert.Equal(new DateOnly(2027, 10, 1), renewed.Cases[1].EndsOn);
        Assert.Equal("Có quyết định quản lý mới (tiếp tục sử dụng)", renewed.Lists.First(l => l.List == LegalLists.Users).RemovalReason);
    }

    [Fact]
    public void NĐ163_Art60_an_unreported_absence_is_not_counted_towards_the_term()
    {
        var file = Run(At(2026, 12, 1), Management(At(2026, 8, 4)), new ManagementChanged(Id(0), "absence", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 10), null, null));
        Assert.Equal(new DateOnly(2027, 8, 14), file.Cases[0].EndsOn);
    }

    [Fact]
    public void Law120_Art24_7_suspension_for_detention_and_stop_when_detention_outlasts_the_term()
    {
        var suspended = Run(At(2026, 12, 1), Management(At(2026, 8, 4)), new ManagementChanged(Id(0), "suspend", new DateOnly(2026, 9, 1), null, null, "07"));
        Assert.Equal("suspended", suspended.Cases[0].State);
        Assert.Equal("under-management", suspended.Status);

        var resumedLate = Run(At(2027, 9, 1), Management(At(2026, 8, 4)), new ManagementChanged(Id(0), "suspend", new DateOnly(2026, 9, 1), null, null, null),
            new ManagementChanged(Id(0), "resume", new DateOnly(2027, 8, 20), null, null, null));
        Assert.Equal("stopped", resumedLate.Cases[0].State);
    }

    [Fact]
    public void Law120_Art24_5_stop_needs_one_of_the_legal_reasons_and_end_needs_the_term_to_be_over()
    {
        var badReason = Run(At(2026, 12, 1), Management(At(2026, 8, 4)), new ManagementChanged(Id(0), "stop", new DateOnly(2026, 9, 1), null, "tired", null));
        Assert.Equal("reason", Assert.Single(badReason.Errors).Field);
        var early = Run(At(2026, 12, 1), Management(At(2026, 8, 4)), new ManagementChanged(Id(0), "end", new DateOnly(2026, 12, 1), null, null, null));
        Assert.Contains("04/08/2027", Assert.Single(early.Errors).Message, StringComparison.Ordinal);
        var ended = Run(At(2027, 8, 6), Management(At(2026, 8, 4)), new ManagementChanged(Id(0), "end", new DateOnly(2027, 8, 5), null, null, "09"));
        Assert.Empty(ended.Errors);
        Assert.Equal("closed", ended.Status);
    }

    [Fact]
    public void Law120_Art27_the_term_running_out_ends_management_and_the_list_row_gives_the_reason()
    {
        var file = Run(At(2027, 8, 5, 1), Management(At(2026, 8, 4)));
        Assert.Equal("closed", file.Status);
        var row = Assert.Single(file.Lists);
        Assert.Equal(new DateOnly(2027, 8, 4), row.To);
        Assert.Equal("Hết thời hạn quản lý", row.RemovalReason);
        Assert.Equal("under-management", Run(At(2027, 8, 4, 23), Management(At(2026, 8, 4))).Status);
    }

    [Theory]
    [InlineData(new[] { 1, 2 }, "addicted", true, false)]
    [InlineData(new[] { 1, 2, 3 }, "addicted", true, true)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, "addicted", true, true)]
    [InlineData(new[] { 1, 2, 3 }, "addicted", false, false)]
    [InlineData(new[] { 1, 2, 3 }, "not-addicted", true, false)]
    [InlineData(new[] { 1, 2, 3 }, "not-addicted", false, true)]
    [InlineData(new int[0], "not-addicted", true, true)]
    [InlineData(new[] { 1, 1, 2 }, "not-addicted", true, false)]
    [InlineData(new[] { 0, 7 }, "not-addicted", true, false)]
    public void TT18_2021_Art3_addicted_requires_at_least_three_of_the_six_criteria(int[] criteria, string result, bool durationMet, bool accepted) =>
        Assert.Equal(accepted, CaseFile.CheckDetermination(criteria, durationMet, result) is null);

    [Fact]
    public void TT18_2021_Art3_every_combination_of_criteria_is_judged_by_the_count()
    {
        for (var mask = 0; mask < 64; mask++)
        {
            var criteria = Enumerable.Range(1, 6).Where(c => (mask & (1 << (c - 1))) != 0).ToList();
            Assert.Equal(criteria.Count >= 3, CaseFile.CheckDetermination(criteria, true, "addicted") is null);
            Assert.Equal(criteria.Count < 3, CaseFile.CheckDetermination(criteria, true, "not-addicted") is null);
        }
    }

    [Fact]
    public void NĐ163_Art4_an_addicted_person_must_register_within_24_hours_and_management_stops_Art24_5a()
    {
        var file = Run(At(2026, 9, 1, 12), Management(At(2026, 8, 4)), Addicted(At(2026, 9, 1)));
        Assert.Equal("addicted-pending-registration", file.Status);
        Assert.Equal(At(2026, 9, 2), Assert.Single(file.Obligations, o => o.Kind == "rehab-registration").DueAt);
        Assert.Equal(At(2026, 9, 2), Assert.Single(file.Obligations, o => o.Kind == "management-stop").DueAt);
        Assert.Contains(file.Lists, l => l.List == LegalLists.Addicted && l.To is null);
    }

    [Fact]
    public void Law120_Art31_a_minor_is_registered_by_a_parent_or_guardian()
    {
        var minor = new PersonFacts(2010, new DateOnly(2010, 3, 1), PersonFlags.None);
        var file = Run(minor, At(2026, 9, 1, 12), Addicted(At(2026, 9, 1)));
        Assert.StartsWith("Cha, mẹ", Assert.Single(file.Obligations).Authority, StringComparison.Ordinal);
    }

    [Fact]
    public void NĐ163_Art91_the_voluntary_rehab_decision_is_due_24_hours_after_registration()
    {
        var file = Run(At(2026, 9, 2), Addicted(At(2026, 9, 1)), new RehabRegistered(At(2026, 9, 1, 15), RehabForms.HomeCommunity));
        var item = Assert.Single(file.Obligations);
        Assert.Equal(("rehab-decision", At(2026, 9, 2, 15), "22"), (item.Kind, item.DueAt, item.Form));
    }

    [Fact]
    public void NĐ163_Art4_rehab_must_start_within_two_working_days_skipping_weekends_and_holidays()
    {
        // Decision on Tuesday 01/09/2026 — 02/09 is Quốc khánh (holiday): working days are Thu 03/09 and Fri 04/09.
        var file = Run(At(2026, 9, 1, 20), Voluntary(At(2026, 9, 1, 10), null));
        Assert.Equal(LegalTime.EndOf(new DateOnly(2026, 9, 4)), Assert.Single(file.Obligations, o => o.Kind == "rehab-start").DueAt);
        // Law 120 Art 12, NĐ 163 Art 16: electronic supervision decided within 12 h of a home-rehab decision.
        Assert.Equal(At(2026, 9, 1, 22), Assert.Single(file.Obligations, o => o.Kind == "supervision-decision").DueAt);
        Assert.Equal("in-voluntary-rehab", file.Status);
    }

    [Fact]
    public void Law120_Art29_the_term_runs_from_the_reception_record()
    {
        var file = Run(At(2026, 9, 8), Voluntary(At(2026, 9, 4), new DateOnly(2026, 9, 7)));
        Assert.Equal(new DateOnly(2028, 9, 7), file.Cases[0].EndsOn);
        Assert.Equal(LegalTime.EndOf(new DateOnly(2028, 9, 7)), Assert.Single(file.Obligations, o => o.Kind == "completion-certificate").DueAt);
        // NĐ 163 Art 93: the supporter gives notice (Form 51) at least 30 days before the end.
        Assert.Equal(LegalTime.EndOf(new DateOnly(2028, 8, 8)), Assert.Single(file.Obligations, o => o.Kind == "completion-notice").DueAt);
    }

    [Fact]
    public void Law120_Art35_1_ab_self_termination_or_use_during_voluntary_rehab_calls_for_the_compulsory_dossier()
    {
        var rehab = Voluntary(At(2026, 9, 4), new DateOnly(2026, 9, 7));
        var quit = Run(At(2026, 10, 5, 12), rehab, new RehabEnded(Id(0), new DateOnly(2026, 10, 5), "self-terminated"));
        Assert.Equal("compulsory-dossier", quit.Status);
        Assert.Equal(LegalTime.EndOf(new DateOnly(2026, 10, 6)), Assert.Single(quit.Obligations, o => o.Kind == "compulsory-dossier").DueAt);

        var used = Run(At(2026, 10, 9, 12), rehab, Positive(At(2026, 10, 9, 8)));
        Assert.Contains("điểm b", Assert.Single(used.Obligations, o => o.Kind == "compulsory-dossier").LegalBasis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PersonFlags.Pregnant, "mang thai")]
    [InlineData(PersonFlags.SoleCarerOfChildUnder36Months, "36 tháng")]
    [InlineData(PersonFlags.LacksAdministrativeCapacity, "năng lực")]
    public void Law120_Art35_compulsory_rehab_is_not_applied_to_the_excluded(PersonFlags flag, string expected)
    {
        var facts = new PersonFacts(1990, null, flag);
        var file = Run(facts, At(2026, 10, 6), new DossierOpened(At(2026, 10, 5), "self-terminated"));
        Assert.Contains(expected, Assert.Single(file.Errors).Message, StringComparison.Ordinal);
        var court = Run(facts, At(2026, 10, 6), new RehabDecided(RehabForms.Compulsory, At(2026, 10, 5), "1/QĐ-TA", null, LegalRegime.Law120, 1, 24, null, null, 0));
        Assert.Single(court.Errors);
    }

    [Fact]
    public void Law120_Art36_compulsory_rehab_needs_the_person_to_be_at_least_12()
    {
        var child = new PersonFacts(2016, new DateOnly(2016, 1, 1), PersonFlags.None);
        Assert.Contains("12 tuổi", Assert.Single(Run(child, At(2026, 10, 6), new DossierOpened(At(2026, 10, 5), "not-registered")).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Law120_Art35_the_dossier_steps_run_in_working_days_and_the_limitation_is_three_months()
    {
        var opened = new DossierOpened(At(2026, 10, 5), "self-terminated"); // Monday
        var file = Run(At(2026, 10, 5, 12), opened);
        Assert.Equal(LegalTime.EndOf(new DateOnly(2026, 10, 6)), Assert.Single(file.Obligations, o => o.Kind == "dossier-prepare").DueAt);
        Assert.Equal(LegalTime.EndOf(new DateOnly(2027, 1, 5)), Assert.Single(file.Obligations, o => o.Kind == "dossier-limitation").DueAt);

        var notified = Run(At(2026, 10, 7, 12), opened, new DossierStepTaken(Id(0), "prepared", At(2026, 10, 6), null), new DossierStepTaken(Id(0), "notified", At(2026, 10, 7), null));
        // Reading: Thu 08, Fri 09, Mon 12/10; send within 1 working day after: Tue 13/10.
        Assert.Equal(LegalTime.EndOf(new DateOnly(2026, 10, 13)), Assert.Single(notified.Obligations, o => o.Kind == "dossier-send").DueAt);

        var outOfOrder = Run(At(2026, 10, 7, 12), opened, new DossierStepTaken(Id(0), "sent-to-court", At(2026, 10, 6), null));
        Assert.Equal("step", Assert.Single(outOfOrder.Errors).Field);
    }

    [Fact]
    public void Law120_Art35_the_court_decision_closes_the_dossier_and_starts_compulsory_rehab()
    {
        var file = Run(At(2026, 10, 28), new DossierOpened(At(2026, 10, 5), "self-terminated"),
            new RehabDecided(RehabForms.Compulsory, At(2026, 10, 27), "12/QĐ-TA", new DateOnly(2026, 10, 28), LegalRegime.Law120, 1, 24, null, null, 0));
        Assert.Equal("in-compulsory-rehab", file.Status);
        Assert.Empty(file.Obligations);
        Assert.Equal(new DateOnly(2028, 10, 28), file.Cases.Single(c => c.Type == "rehab").EndsOn);
    }

    [Fact]
    public void Law120_Art37_time_held_during_the_dossier_is_deducted_from_the_term()
    {
        var file = Run(At(2026, 10, 28), new RehabDecided(RehabForms.Compulsory, At(2026, 10, 27), null, new DateOnly(2026, 10, 28), LegalRegime.Law120, 1, 24, null, null, 20));
        Assert.Equal(new DateOnly(2028, 10, 8), file.Cases[0].EndsOn);
    }

    [Fact]
    public void NĐ163_Art134_completion_calls_for_a_post_rehab_proposal_within_two_working_days()
    {
        var rehab = Voluntary(At(2026, 9, 4), new DateOnly(2026, 9, 7));
        // Completed Friday 24/09/2027 (shipped calendar): Mon 27 and Tue 28/09.
        var file = Run(At(2027, 9, 24, 12), rehab, new RehabEnded(Id(0), new DateOnly(2027, 9, 24), "completed"));
        Assert.Equal(LegalTime.EndOf(new DateOnly(2027, 9, 28)), Assert.Single(file.Obligations, o => o.Kind == "post-rehab-proposal").DueAt);
        Assert.Equal("closed", file.Status);
        Assert.Equal("Hoàn thành cai nghiện", file.Lists.Single(l => l.List == LegalLists.InRehab).RemovalReason);
    }

    [Fact]
    public void Law120_Art42_post_rehab_lasts_the_term_of_the_decision_and_NĐ163_Art138_the_certificate_is_due_before_the_end()
    {
        var decision = new PostRehabDecided(At(2027, 9, 27), "voluntary", LegalRegime.Law120, new DateOnly(2027, 9, 24), 1, "3/QĐ-UBND");
        var file = Run(At(2027, 9, 28), decision);
        Assert.Equal("post-rehab", file.Status);
        Assert.Equal(new DateOnly(2028, 9, 24), file.Cases.Single(c => c.Type == "post-rehab").EndsOn);
        Assert.Equal(LegalTime.EndOf(new DateOnly(2028, 9, 24)), Assert.Single(file.Obligations, o => o.Kind == "post-rehab-end-certificate").DueAt);
        Assert.Equal("closed", Run(At(2028, 9, 25, 1), decision).Status);
    }

    [Fact]
    public void Law120_Art35_1_d_addiction_during_post_rehab_calls_for_the_compulsory_dossier()
    {
        var decision = new PostRehabDecided(At(2027, 9, 27), "voluntary", LegalRegime.Law120, new DateOnly(2027, 9, 24), 1, null);
        var file = Run(At(2028, 1, 10, 12), decision, Addicted(At(2028, 1, 10)));
        Assert.Equal("compulsory-dossier", file.Status);
        Assert.Contains("điểm d", Assert.Single(file.Obligations, o => o.Kind == "compulsory-dossier").LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Law120_Art47_4_the_third_violation_of_the_rules_leads_to_the_compulsory_dossier()
    {
        var rehab = Voluntary(At(2026, 9, 4), new DateOnly(2026, 9, 7));
        var two = Run(At(2026, 11, 1), rehab, new ViolationRecorded(new DateOnly(2026, 10, 1), "rule", null), new ViolationRecorded(new DateOnly(2026, 10, 15), "rule", null));
        Assert.DoesNotContain(two.Obligations, o => o.Kind == "compulsory-dossier");
        var three = Run(At(2026, 11, 1), rehab, new ViolationRecorded(new DateOnly(2026, 10, 1), "rule", null), new ViolationRecorded(new DateOnly(2026, 10, 15), "rule", null),
            new ViolationRecorded(new DateOnly(2026, 10, 30), "rule", null));
        Assert.Contains(three.Obligations, o => o.Kind == "compulsory-dossier");
        Assert.Equal("Kiểm điểm", CaseFile.ViolationConsequence("rule", 2, LegalParameters.Defaults));
    }

    [Fact]
    public void NĐ163_Art25_supervision_violations_b_c_after_one_reminder_d_dd_after_two()
    {
        var rehab = Voluntary(At(2026, 9, 4), new DateOnly(2026, 9, 7));
        Assert.DoesNotContain(Run(At(2026, 11, 1), rehab, new ViolationRecorded(new DateOnly(2026, 10, 1), "supervision-removed", null)).Obligations, o => o.Kind == "compulsory-dossier");
        Assert.Contains(Run(At(2026, 11, 1), rehab, new ViolationRecorded(new DateOnly(2026, 10, 1), "supervision-removed", null), new ViolationRecorded(new DateOnly(2026, 10, 2), "supervision-tampered", null)).Obligations, o => o.Kind == "compulsory-dossier");
        Assert.DoesNotContain(Run(At(2026, 11, 1), rehab, new ViolationRecorded(new DateOnly(2026, 10, 1), "supervision-battery", null), new ViolationRecorded(new DateOnly(2026, 10, 2), "supervision-battery", null)).Obligations, o => o.Kind == "compulsory-dossier");
        // Law 120 Art 47: refusing supervision during home rehab goes straight to the dossier.
        Assert.Contains(Run(At(2026, 11, 1), rehab, new ViolationRecorded(new DateOnly(2026, 10, 1), "supervision-refused", null)).Obligations, o => o.Kind == "compulsory-dossier");
    }

    [Fact]
    public void NĐ163_Art17_the_device_is_fitted_within_24_hours_of_the_supervision_decision()
    {
        var file = Run(At(2026, 9, 5), new SupervisionDecided(At(2026, 9, 4, 18), null));
        Assert.Equal(At(2026, 9, 5, 18), Assert.Single(file.Obligations).DueAt);
        Assert.Empty(Run(At(2026, 9, 5), new SupervisionDecided(At(2026, 9, 4, 18), null), new SupervisionFitted(Id(0), At(2026, 9, 5, 9))).Obligations);
    }

    [Fact]
    public void Law120_Art42_completing_substitution_therapy_leads_to_post_rehab_and_Art35_1c_quitting_to_the_dossier()
    {
        var admitted = new TherapyAdmitted(At(2026, 9, 1), "Cơ sở điều trị Methadone Thái Nguyên", null);
        var on = Run(At(2026, 9, 2), Addicted(At(2026, 8, 31)), admitted);
        Assert.Equal("on-substitution-therapy", on.Status);
        Assert.DoesNotContain(on.Obligations, o => o.Kind == "rehab-registration");
        var done = Run(At(2027, 9, 2), admitted, new TherapyEnded(Id(0), new DateOnly(2027, 9, 1), "completed"));
        Assert.Contains(done.Obligations, o => o.Kind == "post-rehab-proposal");
        var quit = Run(At(2027, 9, 2), admitted, new TherapyEnded(Id(0), new DateOnly(2027, 9, 1), "self-terminated"));
        Assert.Equal("compulsory-dossier", quit.Status);
    }

    [Fact]
    public void Facts_are_folded_in_time_order_whatever_the_recording_order()
    {
        var file = Run(At(2026, 8, 5), Management(At(2026, 8, 4)), Positive(At(2026, 8, 3, 10)));
        Assert.DoesNotContain(file.Obligations, o => o.Kind == "management-decision");
    }

    [Fact]
    public void Every_parameter_has_a_source_and_configurable_ones_accept_only_sensible_values()
    {
        Assert.All(LegalParameters.Catalog, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        var range = LegalParameters.Catalog.Single(p => p.Key == "voluntary-term-months");
        Assert.Null(LegalParameters.Validate(range, "6-12"));
        Assert.NotNull(LegalParameters.Validate(range, "12-6"));
        Assert.NotNull(LegalParameters.Validate(LegalParameters.Catalog.Single(p => p.Key == "rehab-term-first-months"), "12"));
        var overridden = new LegalParameters(new Dictionary<(string, string), string> { [("rehab-term-first-months", LegalRegime.Law120)] = "12", [("due-soon-days", LegalParameters.AnyRegime)] = "5" });
        Assert.Equal(24, overridden.Number("rehab-term-first-months", LegalRegime.Law120)); // confirmed parameters cannot be overridden
        Assert.Equal(5, overridden.Number("due-soon-days", LegalRegime.Law120));
    }

    [Fact]
    public void Civil_Code_Art148_5_moves_a_measure_ending_on_a_holiday_only_when_configured()
    {
        // 04/09/2027 is a Saturday.
        var decision = Management(At(2026, 9, 4));
        Assert.Equal(new DateOnly(2027, 9, 4), Run(At(2026, 9, 5), decision).Cases[0].EndsOn);
        var moved = CaseFile.Evaluate([new CaseEntry(Id(0), decision)], Adult, At(2026, 9, 5),
            new LegalParameters(new Dictionary<(string, string), string> { [("durations-move-to-working-day", LegalParameters.AnyRegime)] = "true" }), HolidayCalendar.Shipped);
        Assert.Equal(new DateOnly(2027, 9, 6), moved.Cases[0].EndsOn);
    }

    // ---- the five stages of rehabilitation (Law 120/2025 Art 29; NĐ 163/2026 Art 84–88) ----------------------------------

    private static readonly DateOnly Received = new(2026, 8, 10);

    private static CaseFileResult Stages(params RehabStageChanged[] stages)
    {
        // A stay received on 10/08/2026 (24 months: planned end 09/08/2028) is entry 0; its id is Id(0).
        CaseEvent[] events = [Voluntary(At(2026, 8, 9), Received), .. stages];
        return Run(At(2026, 12, 1), events);
    }

    private static RehabStageChanged Stage(string stage, DateOnly on) => new(Id(0), stage, on);

    [Fact]
    public void Law120_Art29_stages_follow_one_another_and_the_current_one_shows_on_the_stay()
    {
        var file = Stages(Stage("detox", Received.AddDays(1)), Stage("education", Received.AddDays(11)));
        Assert.Empty(file.Errors);
        Assert.Contains("giai đoạn: giáo dục, tư vấn", Assert.Single(file.Cases).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("education")] // skips detox
    [InlineData("intake")] // intake begins with the reception record
    [InlineData("rehab")] // not a stage
    public void Law120_Art29_a_stage_is_neither_skipped_nor_repeated(string stage)
    {
        var file = Stages(Stage(stage, Received.AddDays(1)));
        Assert.Equal("stage", Assert.Single(file.Errors).Field);
        Assert.DoesNotContain("giai đoạn:", Assert.Single(file.Cases).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void ND163_Art85_detox_lasts_at_least_10_days()
    {
        var early = Stages(Stage("detox", Received.AddDays(1)), Stage("education", Received.AddDays(10)));
        Assert.Contains("10 ngày", Assert.Single(early.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("21/08/2026", early.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(Stages(Stage("detox", Received.AddDays(1)), Stage("education", Received.AddDays(11))).Errors);
    }

    [Fact]
    public void ND163_Art86_education_lasts_at_least_3_months()
    {
        var education = Received.AddDays(11); // 21/08/2026
        var early = Stages(Stage("detox", Received.AddDays(1)), Stage("education", education), Stage("labour", education.AddMonths(3).AddDays(-1)));
        Assert.Contains("03 tháng", Assert.Single(early.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(Stages(Stage("detox", Received.AddDays(1)), Stage("education", education), Stage("labour", education.AddMonths(3))).Errors);
    }

    [Fact]
    public void ND163_Art88_reintegration_is_the_last_30_days_of_the_term()
    {
        var education = Received.AddDays(11);
        var labour = education.AddMonths(3);
        var plannedEnd = Assert.Single(Stages().Cases).EndsOn!.Value;
        var early = Stages(Stage("detox", Received.AddDays(1)), Stage("education", education), Stage("labour", labour), Stage("reintegration", plannedEnd.AddDays(-31)));
        Assert.Contains("30 ngày cuối", Assert.Single(early.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(Stages(Stage("detox", Received.AddDays(1)), Stage("education", education), Stage("labour", labour), Stage("reintegration", plannedEnd.AddDays(-30))).Errors);
    }

    [Fact]
    public void A_stage_needs_a_received_stay_that_has_not_ended_and_cannot_go_back_in_time()
    {
        var notReceived = Run(At(2026, 12, 1), Voluntary(At(2026, 8, 9), null), new RehabStageChanged(Id(0), "detox", Received));
        Assert.Equal("episodeId", Assert.Single(notReceived.Errors).Field);
        var ended = Run(At(2026, 12, 1), Voluntary(At(2026, 8, 9), Received), new RehabEnded(Id(0), Received.AddDays(5), "self-terminated"), new RehabStageChanged(Id(0), "detox", Received.AddDays(6)));
        Assert.Equal("episodeId", Assert.Single(ended.Errors).Field);
        // Decided on 01/08, received on 10/08: a stage dated 09/08 is inside the stay's decision but before its reception.
        var backwards = Run(At(2026, 12, 1), Voluntary(At(2026, 8, 1), Received), new RehabStageChanged(Id(0), "detox", Received.AddDays(-1)));
        Assert.Equal("on", Assert.Single(backwards.Errors).Field);
    }
}

public sealed class CaseEventJsonTests
{
    public static TheoryData<CaseEvent> Samples => new()
    {
        new DrugTestRecorded(DateTimeOffset.UnixEpoch, "urine", "positive", ["heroin"], null, "Công an phường"),
        new ManagementDecided(DateTimeOffset.UnixEpoch, "1/QĐ", LegalRegime.Law120, "officer", "Tên", "Ký"),
        new ManagementChanged(Guid.NewGuid(), "stop", new DateOnly(2026, 1, 1), null, "died", null),
        new AddictionDetermined(DateTimeOffset.UnixEpoch, [1, 2, 3], true, "addicted", null),
        new RehabRegistered(DateTimeOffset.UnixEpoch, RehabForms.HomeCommunity),
        new RehabDecided(RehabForms.Compulsory, DateTimeOffset.UnixEpoch, null, new DateOnly(2026, 1, 2), LegalRegime.Law120, 2, 36, Guid.NewGuid(), "Cơ sở", 5),
        new RehabStarted(Guid.NewGuid(), new DateOnly(2026, 1, 2)),
        new RehabEnded(Guid.NewGuid(), new DateOnly(2026, 1, 2), "completed"),
        new TherapyAdmitted(DateTimeOffset.UnixEpoch, "Phòng khám", null),
        new TherapyPhaseChanged(Guid.NewGuid(), "maintenance", new DateOnly(2026, 1, 2)),
        new TherapyEnded(Guid.NewGuid(), new DateOnly(2026, 1, 2), "completed"),
        new DossierOpened(DateTimeOffset.UnixEpoch, "not-registered"),
        new DossierStepTaken(Guid.NewGuid(), "prepared", DateTimeOffset.UnixEpoch, null),
        new PostRehabDecided(DateTimeOffset.UnixEpoch, "voluntary", LegalRegime.Law120, new DateOnly(2026, 1, 2), 1, null),
        new PostRehabEnded(Guid.NewGuid(), new DateOnly(2026, 1, 2), "completed"),
        new SupervisionDecided(DateTimeOffset.UnixEpoch, null),
        new SupervisionFitted(Guid.NewGuid(), DateTimeOffset.UnixEpoch),
        new ViolationRecorded(new DateOnly(2026, 1, 2), "rule", "Vắng mặt"),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_fact_round_trips_through_its_stored_JSON(CaseEvent fact)
    {
        var back = CaseEvent.FromJson(fact.ToJson());
        Assert.Equal(fact.GetType(), back.GetType());
        Assert.Equal(fact.ToJson(), back.ToJson());
        Assert.Equal(fact.At, back.At);
    }
}
