using Cases.Domain.Centres;
using Cases.Domain.Common;

namespace Cases.Domain.Procedures.PreExamination;

/// <summary>
/// A centre pre-examines only the technical fields it was approved for, listed as IPC classes or
/// class prefixes (e.g. <c>H04</c> covers <c>H04L 9/32</c>).
/// </summary>
public sealed class TechnicalFieldMustBeWithinTheCentreScopeRule(string? ipcClass, CentreCode centre, IReadOnlyCollection<string> scope) : IBusinessRule
{
    public bool IsBroken()
    {
        var normalised = Normalise(ipcClass);
        return normalised.Length == 0 || !scope.Any(prefix => normalised.StartsWith(Normalise(prefix), StringComparison.Ordinal));
    }

    public string Message => scope.Count == 0
        ? $"{centre} has no technical fields recorded for fast-track pre-examination."
        : $"IPC class '{ipcClass}' is outside {centre}'s pre-examination scope ({string.Join(", ", scope)}).";

    private static string Normalise(string? ipc) => (ipc ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
