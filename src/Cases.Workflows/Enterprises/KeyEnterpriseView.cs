using Cases.Domain.Enterprises;

namespace Cases.Workflows.Enterprises;

/// <summary>A key enterprise (重点企业) as the API shows it.</summary>
public sealed record KeyEnterpriseView(
    Guid Id,
    string Name,
    string UnifiedSocialCreditCode,
    string Centre,
    bool HighTechEnterprise,
    string? HighTechCertificateNumber,
    int PatentsAndTrademarks,
    KeyEnterpriseStatus Status,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawnBy,
    string? WithdrawalReason,
    int Version)
{
    public static KeyEnterpriseView From(KeyEnterprise enterprise) => new(
        enterprise.Id.Value,
        enterprise.Name,
        enterprise.UnifiedSocialCreditCode,
        enterprise.Centre.Value,
        enterprise.HighTechEnterprise,
        enterprise.HighTechCertificateNumber,
        enterprise.PatentsAndTrademarks,
        enterprise.Status,
        enterprise.RegisteredAt,
        enterprise.RegisteredBy,
        enterprise.WithdrawnAt,
        enterprise.WithdrawnBy,
        enterprise.WithdrawalReason,
        enterprise.Version);
}
