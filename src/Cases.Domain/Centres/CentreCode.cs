using System.Text.RegularExpressions;
using Cases.Domain.Regions;

namespace Cases.Domain.Centres;

/// <summary>
/// The identifier of a protection centre (保护中心代码), and the prefix of its case numbers: the region code,
/// optionally followed by a city or site suffix (e.g. <c>GD</c>, <c>GD-SZ</c>).
/// </summary>
public readonly partial record struct CentreCode(string Value)
{
    public const int MaximumLength = 11;

    public bool IsWellFormed => Value is not null && WellFormed().IsMatch(Value);

    public static string FormatDescription => "two capital letters of a region code, optionally followed by '-' and 2 to 8 capital letters or digits (e.g. GD, GD-SZ)";

    /// <summary>
    /// The region a well-formed code names by its first two letters. Registration enforces that a
    /// centre's code starts with its own region, so this is the centre's region.
    /// </summary>
    public bool TryGetRegion(out Region region) => Region.TryFromCode(IsWellFormed ? Value[..2] : null, out region);

    /// <summary>The region of a stored centre's code (stored codes are always well formed).</summary>
    public Region GetRegion() => TryGetRegion(out var region) ? region : throw new InvalidOperationException($"'{Value}' does not start with a region code.");

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z]{2}(-[A-Z0-9]{2,8})?$", RegexOptions.CultureInvariant)]
    private static partial Regex WellFormed();
}
