namespace Notifications.Bench.Systems;

/// <summary>
/// Monotonic timestamps of a frontend restart, in nanoseconds, and whether the old process had to be killed because
/// it did not exit within the grace time after SIGTERM.
/// </summary>
public sealed record RestartTimes(long StopRequested, long Stopped, long Ready, bool Killed);
