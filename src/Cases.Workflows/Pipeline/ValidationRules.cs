using Cases.Domain.Centres;
using Cases.Workflows.Engine.Diagrams;
using FluentValidation;

namespace Cases.Workflows.Pipeline;

/// <summary>Shape checks shared by several validators.</summary>
public static class ValidationRules
{
    /// <summary>A centre code such as <c>GD</c> or <c>GD-SZ</c>; an absent value is left to NotEmpty.</summary>
    public static IRuleBuilderOptions<T, CentreCode?> MustBeACentreCode<T>(this IRuleBuilder<T, CentreCode?> rule) =>
        rule.Must(code => code is null || code.Value.IsWellFormed)
            .WithMessage($"'{{PropertyName}}' must be {CentreCode.FormatDescription}.");

    /// <summary>A diagram format the API serves; absent means SVG.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeADiagramFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(format => format is null || DiagramFormats.All.Contains(format))
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", DiagramFormats.All)}.");
}
