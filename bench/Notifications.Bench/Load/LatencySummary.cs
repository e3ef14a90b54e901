using HdrHistogram;

namespace Notifications.Bench.Load;

/// <summary>Percentiles of one latency histogram, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P90, double P99, double P999, double Max, double Mean)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// Reads a histogram recorded in microseconds. It reads a copy, because a late send may still record into the
    /// original, and enumerating a histogram that changes throws.
    /// </summary>
    public static LatencySummary From(HistogramBase source)
    {
        var histogram = source.Copy();
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }

        return new LatencySummary(
            histogram.TotalCount,
            histogram.GetValueAtPercentile(50) / 1000.0,
            histogram.GetValueAtPercentile(90) / 1000.0,
            histogram.GetValueAtPercentile(99) / 1000.0,
            histogram.GetValueAtPercentile(99.9) / 1000.0,
            histogram.GetMaxValue() / 1000.0,
            histogram.GetMean() / 1000.0);
    }
}
