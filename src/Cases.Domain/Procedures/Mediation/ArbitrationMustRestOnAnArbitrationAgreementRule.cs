using Cases.Domain.Common;

namespace Cases.Domain.Procedures.Mediation;

/// <summary>Arbitration (仲裁) needs an arbitration agreement between the parties (仲裁协议).</summary>
public sealed class ArbitrationMustRestOnAnArbitrationAgreementRule(bool? agreementExists) : IBusinessRule
{
    public bool IsBroken() => agreementExists != true;

    public string Message => "The parties have no arbitration agreement, so the dispute cannot go to arbitration.";
}
