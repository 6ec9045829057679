using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Cases.Workflows.Persistence.Migrations;

/// <summary>One numbered, forward-only SQL file from <c>migrations/</c>, e.g. <c>0001_initial.sql</c>.</summary>
public sealed partial record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the file's text with line endings normalised, so a checkout on Windows matches.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public static MigrationScript FromFile(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new MigrationException($"Migration file '{fileName}' must be named NNNN_words.sql (four digits, an underscore, lower-case words).");
        }

        return new MigrationScript(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), fileName, sql);
    }

    /// <summary>The scripts embedded in this assembly from <c>migrations/</c>, in order.</summary>
    public static IReadOnlyList<MigrationScript> Embedded()
    {
        var assembly = typeof(MigrationScript).Assembly;
        const string prefix = "migrations/";
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => FromFile(name[prefix.Length..], Read(assembly, name)))
            .OrderBy(script => script.Version)
            .ToList();

        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationException($"Migrations {string.Join(" and ", duplicate.Select(script => script.Name))} share the number {duplicate.Key:D4}.");
        }

        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_[a-z0-9_]+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}

public sealed class MigrationException(string message) : Exception(message);
