using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Enterprises.RegisterKeyEnterprise;

/// <summary>
/// A centre registers a key enterprise (重点企业备案) for the direct channel (直通车): a high-tech
/// enterprise (高新技术企业), or one holding enough patents and trademarks.
/// </summary>
public sealed record RegisterKeyEnterpriseCommand(
    CentreCode? Centre,
    string? Name,
    string? UnifiedSocialCreditCode,
    bool? HighTechEnterprise,
    int? PatentsAndTrademarks,
    string? HighTechCertificateNumber = null) : ICommand<KeyEnterpriseView>;
