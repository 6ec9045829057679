using Cases.Domain.Common;

namespace Cases.Domain.Enterprises.Rules;

/// <summary>
/// Only a key enterprise (重点企业) may use the direct channel: a recognised high-tech enterprise
/// (高新技术企业), or one holding at least <see cref="MinimumPatentsAndTrademarks"/> patents and
/// registered trademarks together, as the Zhuhai centre's criteria put it.
/// </summary>
public sealed class EnterpriseMustQualifyAsKeyEnterpriseRule(bool highTechEnterprise, int patentsAndTrademarks) : IBusinessRule
{
    public const int MinimumPatentsAndTrademarks = 30;

    public bool IsBroken() => !highTechEnterprise && patentsAndTrademarks < MinimumPatentsAndTrademarks;

    public string Message =>
        $"A key enterprise is a high-tech enterprise or holds at least {MinimumPatentsAndTrademarks} patents and trademarks; this one is not high-tech and holds {patentsAndTrademarks}.";
}
