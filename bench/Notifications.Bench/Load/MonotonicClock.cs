using System.Diagnostics;

namespace Notifications.Bench.Load;

/// <summary>
/// Nanoseconds on the monotonic clock. On Linux <see cref="Stopwatch"/> reads CLOCK_MONOTONIC, the clock that
/// Node.js's process.hrtime reads too, so timestamps from the Socket.IO client process compare directly.
/// </summary>
public static class MonotonicClock
{
    private static readonly double s_nanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    public static long NowNanoseconds() => (long)(Stopwatch.GetTimestamp() * s_nanosecondsPerTick);
}
