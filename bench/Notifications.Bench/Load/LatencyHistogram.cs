using HdrHistogram;

namespace Notifications.Bench.Load;

/// <summary>Creates thread-safe histograms of microseconds from 1 µs to 10 minutes at 3 significant digits.</summary>
public static class LatencyHistogram
{
    private const long MaxMicroseconds = 600_000_000;

    public static LongConcurrentHistogram Create() => new(1, MaxMicroseconds, 3);

    /// <summary>Records a latency given in nanoseconds, clamped into the histogram's range.</summary>
    public static void RecordNanoseconds(HistogramBase histogram, long nanoseconds) =>
        histogram.RecordValue(Math.Clamp(nanoseconds / 1000, 1, MaxMicroseconds));
}
