using System.Globalization;
using Cases.Domain.Centres;

namespace Cases.Domain.Cases;

/// <summary>
/// The case number people write and quote (案件编号): centre code, filing year and a serial that
/// runs without gaps per centre and year, e.g. <c>GD-2026-000123</c>.
/// </summary>
public sealed record CaseNumber(CentreCode Centre, int Year, int Serial)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Centre.Value}-{Year:D4}-{Serial:D6}");
}
