using System.Globalization;

namespace Cases.Benchmarks;

/// <summary>
/// Minimal "--name value" / "--flag" parser, so that the project needs no package; unknown options are errors
/// so that a typo fails instead of being silently ignored.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> arguments, IReadOnlySet<string> flags)
    {
        var list = arguments.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var argument = list[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(argument);
                continue;
            }

            var equalsIndex = argument.IndexOf('=', StringComparison.Ordinal);
            if (equalsIndex > 0)
            {
                _options[argument[2..equalsIndex]] = argument[(equalsIndex + 1)..];
            }
            else if (flags.Contains(argument[2..]))
            {
                _options[argument[2..]] = null;
            }
            else
            {
                if (i + 1 >= list.Count)
                {
                    throw new UsageException($"option {argument} needs a value");
                }

                _options[argument[2..]] = list[++i];
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Get(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var value) ? value : null;
    }

    public string Require(string name) =>
        Get(name) ?? throw new UsageException($"option --{name} is required");

    public int Int(string name, int fallback)
    {
        var value = Get(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new UsageException($"--{name} must be a non-negative integer, got '{value}'");
    }

    public long Long(string name, long fallback)
    {
        var value = Get(name);
        if (value is null)
        {
            return fallback;
        }

        return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"--{name} must be a positive integer, got '{value}'");
    }

    public int[] IntList(string name, int[] fallback)
    {
        var value = Get(name);
        if (value is null)
        {
            return fallback;
        }

        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out result[i]) || result[i] < 1)
            {
                throw new UsageException($"--{name} must be a comma-separated list of positive integers, got '{value}'");
            }
        }

        return result.Length > 0 ? result : throw new UsageException($"--{name} is empty");
    }

    /// <summary>Fails on options that the command never asked for (typos).</summary>
    public void EnsureAllUsed()
    {
        var unknown = _options.Keys.Where(name => !_used.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException("unknown option(s): " + string.Join(", ", unknown.Select(name => "--" + name)));
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);
