using Notifications.Bench.Load;

namespace Notifications.Bench.Results;

/// <summary>Everything one run measured, filled in as scenarios finish.</summary>
public sealed class BenchResults
{
    public Dictionary<string, string> Descriptions { get; } = [];

    public List<StepResult> LowRate { get; } = [];

    public Dictionary<string, KneeResult> Knees { get; } = [];

    /// <summary>Steps at half of system b's knee, for the latency comparison of a-mem with b.</summary>
    public List<StepResult> HalfKneeOfBaseline { get; } = [];

    public List<BulkResult> Bulk { get; } = [];

    public List<MemoryResult> Memory { get; } = [];

    public List<InboxResult> Inbox { get; } = [];

    public List<ScaleResult> Scale { get; } = [];

    public List<StormResult> Storm { get; } = [];

    public List<SoakResult> Soak { get; } = [];

    /// <summary>Scenarios that could not run or threw, with the reason.</summary>
    public List<string> Failures { get; } = [];

    public double KneeOf(string system) => Knees.TryGetValue(system, out var knee) ? knee.Throughput : 0;
}
