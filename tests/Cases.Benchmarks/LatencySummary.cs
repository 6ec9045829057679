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
        var toMilliseconds = 1000.0 / unitsPerSecond;
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += sample;
        }

        return new LatencySummary(
            Mean: Round(sum / samples.Length * toMilliseconds),
            P50: Round(Percentile(samples, 50) * toMilliseconds),
            P95: Round(Percentile(samples, 95) * toMilliseconds),
            P99: Round(Percentile(samples, 99) * toMilliseconds),
            Max: Round(samples[^1] * toMilliseconds));
    }

    private static double Round(double milliseconds) => Math.Round(milliseconds, 3);

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static long Percentile(long[] sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
