namespace Notifications.Bench.Load;

/// <summary>The steps of a knee search, the highest passing one and the lowest failing one.</summary>
public sealed record KneeResult(IReadOnlyList<StepResult> Steps, StepResult? Knee, StepResult? FirstFailure)
{
    /// <summary>Notifications sent and delivered per second at the knee; 0 when no step passed.</summary>
    public double Throughput => Knee?.AcceptedPerSecond ?? 0;
}
