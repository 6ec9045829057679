using Cases.Domain.Cases.Rules;
using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Domain.Enterprises.Rules;

namespace Cases.Domain.Enterprises;

/// <summary>
/// A key enterprise (重点企业) a protection centre registered for the direct channel (直通车): its
/// users file cases straight to that centre, which handles them as priority cases. An enterprise
/// is never deleted; withdrawing it from the channel (退出直通车) stops its users and tokens while
/// its cases stay on record.
/// </summary>
public sealed class KeyEnterprise
{
    public const int MaximumNameLength = 200;
    public const int MaximumCertificateNumberLength = 64;

    // For the persistence layer's materialisation.
    private KeyEnterprise()
    {
        Name = string.Empty;
        UnifiedSocialCreditCode = string.Empty;
        RegisteredBy = string.Empty;
    }

    public EnterpriseId Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The enterprise's unified social credit code (统一社会信用代码), unique among key enterprises.</summary>
    public string UnifiedSocialCreditCode { get; private set; }

    /// <summary>The centre that registered the enterprise (登记中心); its direct-channel cases are filed there.</summary>
    public CentreCode Centre { get; private set; }

    /// <summary>Whether the enterprise is a recognised high-tech enterprise (高新技术企业).</summary>
    public bool HighTechEnterprise { get; private set; }

    /// <summary>The number of its high-tech enterprise certificate (高新技术企业证书编号), if given.</summary>
    public string? HighTechCertificateNumber { get; private set; }

    /// <summary>How many patents and registered trademarks it holds (专利和商标拥有量).</summary>
    public int PatentsAndTrademarks { get; private set; }

    public KeyEnterpriseStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnBy { get; private set; }

    /// <summary>Why the enterprise left the direct channel (退出原因).</summary>
    public string? WithdrawalReason { get; private set; }

    /// <summary>Counts the recorded changes; the optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public bool IsActive => Status == KeyEnterpriseStatus.Active;

    /// <summary>Registers an enterprise that qualifies as a key enterprise with the centre (重点企业备案).</summary>
    public static KeyEnterprise Register(EnterpriseId id, KeyEnterpriseDetails details, CentreCode centre, Actor actor, DateTimeOffset now)
    {
        var code = details.UnifiedSocialCreditCode.Trim().ToUpperInvariant();
        BusinessRules.Check(
            new UnifiedSocialCreditCodeMustBeValidRule(code),
            new EnterpriseMustQualifyAsKeyEnterpriseRule(details.HighTechEnterprise, details.PatentsAndTrademarks));
        return new KeyEnterprise
        {
            Id = id,
            Name = details.Name.Trim(),
            UnifiedSocialCreditCode = code,
            Centre = centre,
            HighTechEnterprise = details.HighTechEnterprise,
            HighTechCertificateNumber = details.HighTechEnterprise && !string.IsNullOrWhiteSpace(details.HighTechCertificateNumber) ? details.HighTechCertificateNumber.Trim() : null,
            PatentsAndTrademarks = details.PatentsAndTrademarks,
            Status = KeyEnterpriseStatus.Active,
            RegisteredAt = now,
            RegisteredBy = actor.Name,
            Version = 1,
        };
    }

    /// <summary>Takes the enterprise off the direct channel, saying why; its users and tokens stop working.</summary>
    public void WithdrawFromDirectChannel(string reason, Actor actor, DateTimeOffset now)
    {
        BusinessRules.Check(
            new KeyEnterpriseMustNotAlreadyBeWithdrawnRule(Status, WithdrawnAt),
            new ChangeMustGiveAReasonRule(reason));
        Status = KeyEnterpriseStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawnBy = actor.Name;
        WithdrawalReason = reason.Trim();
        Version++;
    }
}

/// <summary>Whether an enterprise is on the direct channel.</summary>
public enum KeyEnterpriseStatus
{
    /// <summary>On the direct channel (在册).</summary>
    Active = 1,

    /// <summary>Withdrawn from the direct channel (已退出).</summary>
    Withdrawn = 2,
}

/// <summary>What a centre records when it registers a key enterprise (备案材料).</summary>
public sealed record KeyEnterpriseDetails(string Name, string UnifiedSocialCreditCode, bool HighTechEnterprise, string? HighTechCertificateNumber, int PatentsAndTrademarks);
