namespace Notifications.Bench.Load;

/// <summary>
/// A fixed-rate step: <see cref="Rate"/> operations per second for <see cref="Duration"/>, then up to
/// <see cref="DrainTimeout"/> for the last receipts.
/// </summary>
public sealed record StepPlan(string Label, double Rate, TimeSpan Duration, TimeSpan DrainTimeout)
{
    /// <summary>Operations in flight above which the scheduler skips sends instead of queueing without bound.</summary>
    public int MaxInFlight { get; init; } = 20_000;

    public int OperationCount => Math.Max(1, (int)Math.Round(Rate * Duration.TotalSeconds));
}
