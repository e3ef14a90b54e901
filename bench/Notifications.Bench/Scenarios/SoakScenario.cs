using Notifications.Bench.Clients;
using Notifications.Bench.Load;
using Notifications.Bench.Results;
using Notifications.Bench.Systems;

namespace Notifications.Bench.Scenarios;

/// <summary>
/// A long run at half the knee with the base population connected, sampling resident memory throughout. Growth
/// compares the mean of the window right after warm-up with the mean of the last window.
/// </summary>
public sealed class SoakScenario(ScenarioContext context)
{
    public async Task RunAsync(OrleansSystem system)
    {
        var profile = context.Profile;
        if (!context.Results.Knees.TryGetValue(system.Key, out var knee) || knee.Knee is null)
        {
            throw new InvalidOperationException("the system has no measured knee.");
        }

        var users = FleetUser.Create("soak", profile.Users, mixedConnections: true);
        await using var fleet = system.CreateFleet(context.Router);
        await fleet.ConnectAsync(users, context.CancellationToken);

        var rate = knee.Knee.TargetRate / 2;
        ScenarioContext.Report(system.Key, $"soak at {rate:0}/s for {profile.SoakDuration.TotalMinutes:0.#} min");
        var samples = new List<(double Seconds, double Server, double Storage)>();
        var interval = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, profile.SoakWindow.Ticks / 12));
        using var stopSampling = new CancellationTokenSource();
        var start = MonotonicClock.NowNanoseconds();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(stopSampling.Token))
            {
                var seconds = (MonotonicClock.NowNanoseconds() - start) / 1e9;
                var storage = system.StorageProcess?.ReadResidentBytes() ?? 0;
                samples.Add((seconds, system.ReadServerResidentBytes() / 1e6, storage / 1e6));
            }
        });

        var target = new NotificationLoadTarget(system, users, connected: true);
        var plan = new StepPlan("soak", rate, profile.SoakDuration, profile.DrainTimeout);
        var (step, _) = await OpenLoopStep.RunAsync(
            system.Key, plan, target, context.Router, system.ReadProcessorTimes, CancellationToken.None,
            context.CancellationToken);
        await stopSampling.CancelAsync();
        try
        {
            await sampler;
        }
        catch (OperationCanceledException)
        {
            // The sampler stops by cancellation.
        }

        var warmupEnd = profile.SoakWarmup.TotalSeconds;
        var end = profile.SoakDuration.TotalSeconds;
        var window = profile.SoakWindow.TotalSeconds;
        var early = samples.Where(sample => sample.Seconds >= warmupEnd && sample.Seconds < warmupEnd + window).ToList();
        var late = samples.Where(sample => sample.Seconds >= end - window && sample.Seconds <= end).ToList();
        if (early.Count == 0 || late.Count == 0)
        {
            throw new InvalidOperationException("too few memory samples to compare.");
        }

        var result = new SoakResult(
            system.Key,
            rate,
            profile.SoakDuration,
            early.Average(sample => sample.Server),
            late.Average(sample => sample.Server),
            early.Average(sample => sample.Storage),
            late.Average(sample => sample.Storage),
            step,
            samples.Select(sample => (sample.Seconds, sample.Server)).ToList());
        context.Results.Soak.Add(result);
        ScenarioContext.Report(
            system.Key,
            $"soak: {ScenarioContext.Describe(step)}; memory {result.MegabytesAfterWarmup:0} MB -> " +
            $"{result.MegabytesAtEnd:0} MB ({result.GrowthPercent:+0.0;-0.0}%)");
    }
}
