namespace Notifications.Bench;

/// <summary>Sizes and durations of one benchmark mode.</summary>
public sealed record BenchProfile
{
    public required string Name { get; init; }

    /// <summary>Users of the base population; every fourth has a second connection.</summary>
    public required int Users { get; init; }

    /// <summary>How many times more users the scale scenario connects (and the idle-memory scenario measures).</summary>
    public int UserScaleFactor { get; init; } = 10;

    public required TimeSpan StepDuration { get; init; }

    /// <summary>Time after a step's last send for the last receipts; a missing receipt counts as lost after it.</summary>
    public required TimeSpan DrainTimeout { get; init; }

    public required TimeSpan WarmupDuration { get; init; }

    /// <summary>Pause after a passing and after a failing step, so that one step's backlog does not land in the next.</summary>
    public required (TimeSpan Passed, TimeSpan Failed) StepPause { get; init; }

    /// <summary>Pause before each resident memory reading, so that connection setup has finished.</summary>
    public required TimeSpan SettleTime { get; init; }

    /// <summary>Rate of the low-rate latency scenario, notifications per second.</summary>
    public double LowRate { get; init; } = 100;

    public required TimeSpan LowRateDuration { get; init; }

    public double SweepStartRate { get; init; } = 250;

    public double SweepGrowthFactor { get; init; } = 2;

    public double SweepMaxRate { get; init; } = 256_000;

    /// <summary>Bisections between the last passing and the first failing rate.</summary>
    public required int SweepRefinements { get; init; }

    /// <summary>
    /// Whether the knee searches run a rate that failed on latency alone a second time before counting it as failed.
    /// </summary>
    public required bool ConfirmFailures { get; init; }

    /// <summary>Steps of the scale scenario, each 10% below the previous, starting at the base knee.</summary>
    public int ScaleMaxSteps { get; init; } = 4;

    /// <summary>WebSocket connections of the echo measurement.</summary>
    public int EchoConnections { get; init; } = 100;

    public int BulkUsers { get; init; } = 1_000;

    public required int BulkRepetitions { get; init; }

    /// <summary>Users whose inbox is filled before the inbox-size scenario.</summary>
    public required int InboxUsers { get; init; }

    public int InboxSize { get; init; } = 1_000;

    public required TimeSpan InboxDuration { get; init; }

    public int StormClients { get; init; } = 1_000;

    /// <summary>Send rate during the reconnect storm, notifications per second.</summary>
    public double StormRate { get; init; } = 100;

    public required TimeSpan SoakDuration { get; init; }

    /// <summary>Start of the soak that is not measured for memory growth (JIT, caches, pools filling).</summary>
    public required TimeSpan SoakWarmup { get; init; }

    /// <summary>Width of the windows whose mean resident memory is compared: after warm-up against the end.</summary>
    public required TimeSpan SoakWindow { get; init; }

    public static BenchProfile Quick { get; } = new()
    {
        Name = "quick",
        Users = 100,
        StepDuration = TimeSpan.FromSeconds(1),
        DrainTimeout = TimeSpan.FromSeconds(1),
        WarmupDuration = TimeSpan.FromSeconds(1),
        StepPause = (TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)),
        SettleTime = TimeSpan.FromSeconds(1.5),
        LowRateDuration = TimeSpan.FromSeconds(1.5),
        SweepStartRate = 500,
        SweepRefinements = 1,
        ConfirmFailures = false,
        ScaleMaxSteps = 1,
        BulkRepetitions = 2,
        InboxUsers = 2,
        InboxDuration = TimeSpan.FromSeconds(1.5),
        StormClients = 300,
        SoakDuration = TimeSpan.FromSeconds(12),
        SoakWarmup = TimeSpan.FromSeconds(4),
        SoakWindow = TimeSpan.FromSeconds(3),
    };

    public static BenchProfile Full { get; } = new()
    {
        Name = "full",
        Users = 500,
        StepDuration = TimeSpan.FromSeconds(4),
        DrainTimeout = TimeSpan.FromSeconds(3),
        WarmupDuration = TimeSpan.FromSeconds(5),
        StepPause = (TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(2)),
        SettleTime = TimeSpan.FromSeconds(3),
        LowRateDuration = TimeSpan.FromSeconds(8),
        SweepRefinements = 3,
        ConfirmFailures = true,
        BulkRepetitions = 10,
        InboxUsers = 10,
        InboxDuration = TimeSpan.FromSeconds(8),
        SoakDuration = TimeSpan.FromMinutes(10),
        SoakWarmup = TimeSpan.FromMinutes(2),
        SoakWindow = TimeSpan.FromMinutes(1),
    };
}
