using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Centres.GetCentre;

/// <summary>One protection centre by its code.</summary>
public sealed record GetCentreQuery(CentreCode Code) : IQuery<CentreView>;
