using Notifications.Bench.Load;

namespace Notifications.Bench.Results;

/// <summary>One notification to many users: latency from the bulk request to each user's receipt.</summary>
public sealed record BulkResult(
    string System,
    int Users,
    int Connections,
    int Repetitions,
    LatencySummary Response,
    LatencySummary PerReceipt,
    double MedianTimeToLast,
    double MaxTimeToLast,
    StepCounts Counts);

/// <summary>Resident memory of the server processes before and after idle users connected.</summary>
public sealed record MemoryResult(
    string System,
    int Users,
    int Connections,
    long BytesBefore,
    long BytesAfter,
    string Breakdown,
    TimeSpan ConnectTime)
{
    public double KilobytesPerUser => (BytesAfter - BytesBefore) / 1024.0 / Users;

    public double KilobytesPerConnection => (BytesAfter - BytesBefore) / 1024.0 / Connections;
}

/// <summary>Send latency to users with a full inbox against users with an almost empty one, sent interleaved.</summary>
public sealed record InboxResult(
    string System,
    int Users,
    int InboxSize,
    TimeSpan FillTime,
    double Rate,
    LatencySummary Empty,
    LatencySummary Full,
    long Errors)
{
    public double MedianRatio => Empty.P50 > 0 ? Full.P50 / Empty.P50 : double.NaN;

    public double MeanRatio => Empty.Mean > 0 ? Full.Mean / Empty.Mean : double.NaN;
}

/// <summary>Throughput knee with ten times the users, found downward from the base knee.</summary>
public sealed record ScaleResult(string System, int BaseUsers, int Users, double BaseKnee, KneeResult Search)
{
    public double Ratio => BaseKnee > 0 ? Search.Throughput / BaseKnee : double.NaN;
}

/// <summary>A frontend restart under many connected clients: how long until all are back, and what was lost.</summary>
public sealed record StormResult(
    string System,
    int Clients,
    double StopMilliseconds,
    bool Killed,
    double StopToReadyMilliseconds,
    double ReadyToAllConnectedMilliseconds,
    double StopToAllConnectedMilliseconds,
    bool AllReconnected,
    StepCounts Counts);

/// <summary>Resident memory and losses over a long run at half the knee.</summary>
public sealed record SoakResult(
    string System,
    double Rate,
    TimeSpan Duration,
    double MegabytesAfterWarmup,
    double MegabytesAtEnd,
    double StorageMegabytesAfterWarmup,
    double StorageMegabytesAtEnd,
    StepResult Step,
    IReadOnlyList<(double Seconds, double Megabytes)> Samples)
{
    public double GrowthPercent => (MegabytesAtEnd / MegabytesAfterWarmup - 1) * 100;
}
