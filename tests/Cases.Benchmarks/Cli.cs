using System.Globalization;

namespace Cases.Benchmarks;

/// <summary>Minimal "--name value" / "--flag" parser; unknown options are errors.</summary>
internal sealed class Cli
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public Cli(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(a);
                continue;
            }

            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                _options[a[2..eq]] = a[(eq + 1)..];
            }
            else if (flags.Contains(a[2..]))
            {
                _options[a[2..]] = null;
            }
            else
            {
                if (i + 1 >= list.Count)
                {
                    throw new UsageException($"option {a} needs a value");
                }

                _options[a[2..]] = list[++i];
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
        return _options.TryGetValue(name, out var v) ? v : null;
    }

    public string Require(string name) =>
        Get(name) ?? throw new UsageException($"option --{name} is required");

    public int Int(string name, int fallback)
    {
        var v = Get(name);
        if (v is null)
        {
            return fallback;
        }

        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new UsageException($"--{name} must be a non-negative integer, got '{v}'");
    }

    public long Long(string name, long fallback)
    {
        var v = Get(name);
        if (v is null)
        {
            return fallback;
        }

        return long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"--{name} must be a positive integer, got '{v}'");
    }

    public int[] IntList(string name, int[] fallback)
    {
        var v = Get(name);
        if (v is null)
        {
            return fallback;
        }

        var parts = v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out result[i]) || result[i] < 1)
            {
                throw new UsageException($"--{name} must be a comma-separated list of positive integers, got '{v}'");
            }
        }

        return result.Length > 0 ? result : throw new UsageException($"--{name} is empty");
    }

    /// <summary>Fails on options that the command never asked for (typos).</summary>
    public void EnsureAllUsed()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException("unknown option(s): " + string.Join(", ", unknown.Select(k => "--" + k)));
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);
