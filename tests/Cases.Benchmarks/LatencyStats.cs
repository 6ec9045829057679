namespace Cases.Benchmarks;

/// <summary>Latency summary in milliseconds (nearest-rank percentiles over every recorded sample).</summary>
internal sealed record LatencySummary(double Mean, double P50, double P95, double P99, double Max)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0);

    /// <summary>Summarises raw samples; <paramref name="unitsPerSecond"/> is the samples' clock rate.</summary>
    public static LatencySummary From(long[] samples, double unitsPerSecond)
    {
        if (samples.Length == 0)
        {
            return Empty;
        }

        Array.Sort(samples);
        var toMs = 1000.0 / unitsPerSecond;
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s;
        }

        return new LatencySummary(
            Mean: R(sum / samples.Length * toMs),
            P50: R(Percentile(samples, 50) * toMs),
            P95: R(Percentile(samples, 95) * toMs),
            P99: R(Percentile(samples, 99) * toMs),
            Max: R(samples[^1] * toMs));
    }

    private static double R(double ms) => Math.Round(ms, 3);

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static long Percentile(long[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
