using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Centres.RegisterCentre;

/// <summary>Registers a protection centre (知识产权保护中心) in a region of the 9+2.</summary>
public sealed record RegisterCentreCommand(CentreCode? Code, string? Region, string? Name) : ICommand<CentreView>;
