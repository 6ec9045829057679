using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Domain.Enterprises;
using Cases.Domain.Enterprises.Rules;

namespace Cases.Domain.Tests;

public sealed class KeyEnterpriseTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly Actor Administrator = new("admin.gd");

    /// <summary>A code whose check character is right (GB 32100-2015), built from its first 17 characters.</summary>
    private static readonly string ValidCode = "91440300MA5DXXXX0" + UnifiedSocialCreditCodeMustBeValidRule.CheckCharacterOf("91440300MA5DXXXX0");

    [Theory]
    [InlineData("91350100M000100Y43", true)] // a published example of a valid code
    [InlineData("91350100M000100Y44", false)] // its check character changed
    [InlineData("91350100M000100Y4", false)] // 17 characters
    [InlineData("91350100M000100I43", false)] // I is not in the standard's alphabet
    public void A_credit_code_is_valid_only_with_its_check_character(string code, bool valid) =>
        Assert.Equal(valid, UnifiedSocialCreditCodeMustBeValidRule.IsValid(code));

    [Theory]
    [InlineData(true, 0, true)]
    [InlineData(false, 30, true)]
    [InlineData(false, 29, false)]
    public void A_key_enterprise_is_high_tech_or_holds_30_patents_and_trademarks(bool highTech, int patentsAndTrademarks, bool qualifies) =>
        Assert.Equal(qualifies, !new EnterpriseMustQualifyAsKeyEnterpriseRule(highTech, patentsAndTrademarks).IsBroken());

    [Fact]
    public void Withdrawal_records_who_when_and_why_and_happens_once()
    {
        var enterprise = KeyEnterprise.Register(EnterpriseId.New(), new KeyEnterpriseDetails(" Lingnan Co. ", ValidCode.ToLowerInvariant(), false, "ignored", 40), new CentreCode("GD"), Administrator, Now);
        Assert.Equal(("Lingnan Co.", ValidCode, null, KeyEnterpriseStatus.Active, 1), (enterprise.Name, enterprise.UnifiedSocialCreditCode, enterprise.HighTechCertificateNumber, enterprise.Status, enterprise.Version));

        enterprise.WithdrawFromDirectChannel(" Moved away. ", Administrator, Now.AddDays(1));
        Assert.Equal((KeyEnterpriseStatus.Withdrawn, "Moved away.", "admin.gd", Now.AddDays(1), 2), (enterprise.Status, enterprise.WithdrawalReason, enterprise.WithdrawnBy, enterprise.WithdrawnAt, enterprise.Version));

        var again = Assert.Throws<BusinessRuleValidationException>(() => enterprise.WithdrawFromDirectChannel("Again.", Administrator, Now.AddDays(2)));
        Assert.Contains(again.BrokenRules, rule => rule is KeyEnterpriseMustNotAlreadyBeWithdrawnRule);
    }

    [Fact]
    public void A_direct_channel_filing_belongs_to_the_enterprise_is_a_priority_and_stays_at_its_centre()
    {
        var enterprise = EnterpriseId.New();
        var filing = CaseTests.Filing(CaseKind.RightsDefence, PartyRole.Complainant, PartyRole.Respondent) with { DirectChannel = new DirectChannelFiler(enterprise, new CentreCode("GD")) };

        var @case = Case.File(CaseId.New(Now), new CaseNumber(new CentreCode("GD"), 2026, 7), filing, new WorkflowPin("rights-defence", 1), CaseState.Filed, [], new Actor("erp"), Now);
        Assert.Equal((enterprise, true), (@case.Enterprise, @case.Priority));
        Assert.Equal(enterprise.ToString(), @case.RecordedEvents[0].Data["enterprise"]);

        var elsewhere = Assert.Throws<BusinessRuleValidationException>(() =>
            Case.File(CaseId.New(Now), new CaseNumber(new CentreCode("HK"), 2026, 7), filing, new WorkflowPin("rights-defence", 1), CaseState.Filed, [], new Actor("erp"), Now));
        Assert.Contains(elsewhere.BrokenRules, rule => rule.GetType().Name == "DirectChannelCaseMustBeFiledWithTheEnterprisesCentreRule");
    }

    [Fact]
    public void The_scope_of_an_enterprise_covers_its_own_cases_only()
    {
        var own = EnterpriseId.New();
        var scope = AccessScope.OfEnterprise(own);
        var gd = new CentreCode("GD");
        Assert.True(scope.Covers(gd, gd, null, own));
        Assert.False(scope.Covers(gd, gd, null, EnterpriseId.New()));
        Assert.False(scope.Covers(gd, gd, null, null));
    }

    [Fact]
    public void An_internal_note_is_a_timeline_entry_of_its_own()
    {
        var @case = Case.File(CaseId.New(Now), new CaseNumber(new CentreCode("GD"), 2026, 8), CaseTests.Filing(CaseKind.RightsDefence, PartyRole.Complainant, PartyRole.Respondent), new WorkflowPin("rights-defence", 1), CaseState.Filed, [], Administrator, Now);

        @case.AddInternalNote(" Check the seller's other shops. ", Administrator, Now);

        Assert.Equal(2, @case.Version);
        Assert.Equal((CaseEventTypes.InternalNoteAdded, "Check the seller's other shops."), (@case.RecordedEvents[^1].Type, @case.RecordedEvents[^1].Data["text"]));
        Assert.Throws<BusinessRuleValidationException>(() => @case.AddInternalNote("  ", Administrator, Now));
    }
}
