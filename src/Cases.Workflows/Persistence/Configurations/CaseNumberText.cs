using System.Globalization;
using Cases.Domain.Cases;
using Cases.Domain.Centres;

namespace Cases.Workflows.Persistence.Configurations;

/// <summary>Reads a stored case number (<c>GD-2026-000123</c>) back into its parts.</summary>
internal static class CaseNumberText
{
    public static CaseNumber Parse(string text)
    {
        // The centre code itself may contain a dash (GD-SZ), so split from the right.
        var serialStart = text.LastIndexOf('-');
        var yearStart = text.LastIndexOf('-', serialStart - 1);
        return new CaseNumber(
            new CentreCode(text[..yearStart]),
            int.Parse(text.AsSpan(yearStart + 1, serialStart - yearStart - 1), CultureInfo.InvariantCulture),
            int.Parse(text.AsSpan(serialStart + 1), CultureInfo.InvariantCulture));
    }
}
