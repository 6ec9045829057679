using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Domain.Regions;
using Cases.Domain.Rights;

namespace Cases.Domain.Tests;

public sealed class CaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly Actor Officer = new("officer");
    private static readonly CaseNumber Number = new(new CentreCode("GD"), 2026, 123);
    private static readonly WorkflowPin Workflow = new("rights-defence", 1);

    [Fact]
    public void Filing_starts_at_version_1_in_Filed_with_one_timeline_entry()
    {
        var @case = Case.File(CaseId.New(Now), Number, Filing(CaseKind.RightsDefence, PartyRole.Complainant, PartyRole.Respondent), Workflow, CaseState.Filed, [], Officer, Now);

        Assert.Equal("GD-2026-000123", @case.Number.ToString());
        Assert.Equal(CaseState.Filed, @case.State);
        Assert.Equal(1, @case.Version);
        var entry = Assert.Single(@case.RecordedEvents);
        Assert.Equal((1, CaseEventTypes.CaseFiled, "officer", Now), (entry.Sequence, entry.Type, entry.Actor, entry.OccurredAt));
    }

    [Theory]
    [InlineData(CaseKind.RightsDefence, new[] { PartyRole.Applicant, PartyRole.Respondent }, "CaseMustBeFiledByThePartyItsKindExpectsRule")]
    [InlineData(CaseKind.Mediation, new[] { PartyRole.Complainant, PartyRole.Respondent }, "CaseMustBeFiledByThePartyItsKindExpectsRule")]
    [InlineData(CaseKind.Arbitration, new[] { PartyRole.Applicant }, "DisputeMustNameARespondentRule")]
    [InlineData(CaseKind.FastTrackPreExamination, new[] { PartyRole.Applicant, PartyRole.Respondent }, "PreExaminationMustNotNameARespondentRule")]
    public void Filing_enforces_who_brings_which_kind_of_case(CaseKind kind, PartyRole[] roles, string brokenRule)
    {
        var refusal = Assert.Throws<BusinessRuleValidationException>(() => Case.File(CaseId.New(Now), Number, Filing(kind, roles), Workflow, CaseState.Filed, [], Officer, Now));

        Assert.Contains(refusal.BrokenRules, rule => rule.GetType().Name == brokenRule);
    }

    [Fact]
    public void Filing_reports_every_broken_rule_at_once()
    {
        var filing = Filing(CaseKind.FastTrackPreExamination, PartyRole.Applicant, PartyRole.Respondent) with
        {
            Rights = [new RightDetails(IntellectualPropertyKind.Trademark, "123", null), new RightDetails(IntellectualPropertyKind.InventionPatent, "201710601862.4", null)],
        };

        var refusal = Assert.Throws<BusinessRuleValidationException>(() => Case.File(CaseId.New(Now), Number, filing, Workflow, CaseState.Filed, [], Officer, Now));

        Assert.Equal(
            ["PreExaminationMustNotNameARespondentRule", "PreExaminationMustConcernOnePatentRule", "RightNumberMustBeValidForItsKindRule"],
            refusal.BrokenRules.Select(rule => rule.GetType().Name));
    }

    [Fact]
    public void Changing_priority_records_why_and_bumps_the_version()
    {
        var @case = Case.File(CaseId.New(Now), Number, Filing(CaseKind.Mediation, PartyRole.Applicant, PartyRole.Respondent), Workflow, CaseState.Filed, [], Officer, Now);

        @case.ChangePriority(true, "  Trade fair  ", new Actor("supervisor"), Now.AddHours(1));

        Assert.True(@case.Priority);
        Assert.Equal(2, @case.Version);
        Assert.Equal(Now.AddHours(1), @case.UpdatedAt);
        var entry = @case.RecordedEvents[^1];
        Assert.Equal((2, CaseEventTypes.CasePriorityChanged, "supervisor", "Trade fair"), (entry.Sequence, entry.Type, entry.Actor, entry.Reason));
    }

    [Fact]
    public void A_priority_change_that_changes_nothing_or_gives_no_reason_is_refused()
    {
        var @case = Case.File(CaseId.New(Now), Number, Filing(CaseKind.Mediation, PartyRole.Applicant, PartyRole.Respondent), Workflow, CaseState.Filed, [], Officer, Now);

        var same = Assert.Throws<BusinessRuleValidationException>(() => @case.ChangePriority(false, "why", Officer, Now));
        var noReason = Assert.Throws<BusinessRuleValidationException>(() => @case.ChangePriority(true, " ", Officer, Now));

        Assert.Equal("PriorityChangeMustChangeThePriorityRule", Assert.Single(same.BrokenRules).GetType().Name);
        Assert.Equal("ChangeMustGiveAReasonRule", Assert.Single(noReason.BrokenRules).GetType().Name);
        Assert.Equal(1, @case.Version);
    }

    [Fact]
    public void A_change_against_an_old_version_is_refused()
    {
        var @case = Case.File(CaseId.New(Now), Number, Filing(CaseKind.Mediation, PartyRole.Applicant, PartyRole.Respondent), Workflow, CaseState.Filed, [], Officer, Now);

        @case.EnsureVersion(1);
        @case.EnsureVersion(null);
        var conflict = Assert.Throws<CaseVersionConflictException>(() => @case.EnsureVersion(3));

        Assert.Equal((3, 1), (conflict.ExpectedVersion, conflict.CurrentVersion));
    }

    [Theory]
    [InlineData("GD", "GD", true)]
    [InlineData("GD-SZ", "GD", true)]
    [InlineData("HK-01", "HK", true)]
    [InlineData("SZ", "GD", false)]
    [InlineData("gd", "GD", false)]
    [InlineData("GD-", "GD", false)]
    [InlineData("GD-TOOLONGCODE", "GD", false)]
    public void A_centre_code_starts_with_its_region(string code, string region, bool valid)
    {
        var register = () => ProtectionCentre.Register(new CentreCode(code), Region.FromCode(region), "Centre", Now);

        if (valid)
        {
            Assert.Equal(code, register().Code.Value);
        }
        else
        {
            Assert.Throws<BusinessRuleValidationException>(register);
        }
    }

    [Theory]
    [InlineData("2026-12-31T15:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    [InlineData("2026-06-30T23:00:00-05:00", "2026-07-01")]
    public void A_region_date_is_the_UTC_plus_8_date(string instant, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Region.Macao.LocalDateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_9_plus_2_are_eleven_regions_with_three_calendars()
    {
        Assert.Equal(["FJ", "JX", "HN", "GD", "GX", "HI", "SC", "GZ", "YN", "HK", "MO"], Region.All.Select(region => region.Code));
        Assert.Equal(9, Region.All.Count(region => region.Calendar == RegionCalendarKind.Mainland));
        Assert.False(Region.TryFromCode("TW", out _));
    }

    internal static CaseFiling Filing(CaseKind kind, params PartyRole[] roles) => new(
        kind,
        "Title",
        null,
        false,
        null,
        roles.Select((role, index) => new PartyDetails(role, PartyKind.Organisation, $"Party {index}", new ContactDetails(null, null, null, null))).ToList(),
        [new RightDetails(IntellectualPropertyKind.InventionPatent, "201710601862.3", null)]);
}
