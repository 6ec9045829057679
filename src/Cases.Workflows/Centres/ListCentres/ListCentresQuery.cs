using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Centres.ListCentres;

/// <summary>Every registered protection centre, by code.</summary>
public sealed record ListCentresQuery : IQuery<IReadOnlyList<CentreView>>;
