namespace Notifications.Bench.Load;

/// <summary>Measurements of one fixed-rate step against one system.</summary>
public sealed record StepResult(
    string System,
    string Label,
    double TargetRate,
    TimeSpan Duration,
    StepCounts Counts,
    LatencySummary Delivery,
    LatencySummary Send,
    double ServerCpuPercent,
    string ServerCpuBreakdown,
    double ClientCpuPercent)
{
    /// <summary>The p99 delivery latency that a passing step stays under, in milliseconds.</summary>
    public const double MaxP99Milliseconds = 100;

    /// <summary>Sends the system accepted per second over the scheduled duration.</summary>
    public double AcceptedPerSecond => Counts.Accepted / Duration.TotalSeconds;

    /// <summary>Receipts per second over the scheduled duration (a user with two connections counts twice).</summary>
    public double DeliveredPerSecond => Counts.Received / Duration.TotalSeconds;

    /// <summary>Every send accepted, every receipt delivered, nothing skipped, and p99 under 100 ms.</summary>
    public bool Passed =>
        Counts.Skipped == 0 &&
        Counts.SendErrors == 0 &&
        Counts.Lost == 0 &&
        Counts.Accepted > 0 &&
        Delivery.P99 < MaxP99Milliseconds;

    /// <summary>
    /// Failed on latency alone, with p99 under three times the limit: everything was delivered, just late, which
    /// one pause of a shared machine can cause.
    /// </summary>
    public bool IsMarginalFailure =>
        !Passed &&
        Counts.Skipped == 0 &&
        Counts.SendErrors == 0 &&
        Counts.Lost == 0 &&
        Delivery.P99 < 3 * MaxP99Milliseconds;

    /// <summary>Why the step did not pass, in a few words; empty when it passed.</summary>
    public string FailureReason
    {
        get
        {
            var reasons = new List<string>();
            if (Counts.Skipped > 0)
            {
                reasons.Add($"fell behind ({Counts.Skipped} not sent)");
            }

            if (Counts.SendErrors > 0)
            {
                reasons.Add($"{Counts.SendErrors} send errors");
            }

            if (Counts.Lost > 0)
            {
                reasons.Add($"{Counts.Lost} lost");
            }

            if (Delivery.P99 >= MaxP99Milliseconds)
            {
                reasons.Add($"p99 {Delivery.P99:0} ms");
            }

            return string.Join(", ", reasons);
        }
    }
}
