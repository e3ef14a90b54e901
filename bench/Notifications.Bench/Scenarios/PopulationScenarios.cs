using System.Diagnostics;
using Notifications.Bench.Clients;
using Notifications.Bench.Load;
using Notifications.Bench.Results;
using Notifications.Bench.Systems;

namespace Notifications.Bench.Scenarios;

/// <summary>
/// Scenarios on ten times the base population: resident memory per idle user, one notification to many users, and
/// the knee with ten times the users.
/// </summary>
public sealed class PopulationScenarios(ScenarioContext context)
{
    private static readonly TimeSpan s_bulkTimeout = TimeSpan.FromSeconds(10);

    public async Task RunAsync(NotificationSystem system)
    {
        var profile = context.Profile;
        var users = FleetUser.Create("scale", profile.Users * profile.UserScaleFactor, mixedConnections: true);
        await using var fleet = system.CreateFleet(context.Router);

        // Idle memory: server processes before and after the users connect, each time after a pause.
        await Task.Delay(profile.SettleTime, context.CancellationToken);
        var before = system.ReadServerResidentBytes();
        var connectTime = Stopwatch.StartNew();
        await fleet.ConnectAsync(users, context.CancellationToken);
        connectTime.Stop();
        await Task.Delay(profile.SettleTime, context.CancellationToken);
        var memory = new MemoryResult(
            system.Key,
            users.Count,
            fleet.ConnectionCount,
            before,
            system.ReadServerResidentBytes(),
            system.DescribeResidentMemory(),
            connectTime.Elapsed);
        context.Results.Memory.Add(memory);
        ScenarioContext.Report(
            system.Key,
            $"memory: {users.Count} users connected in {connectTime.Elapsed.TotalSeconds:0.0} s, " +
            $"{memory.KilobytesPerUser:0.0} KB per user ({memory.Breakdown})");

        await context.Attempt(system.Key, "bulk", () => BulkAsync(system, users.Take(profile.BulkUsers).ToList()));
        await context.Attempt(system.Key, "ten times the users", () => ScaleAsync(system, users));
    }

    private async Task BulkAsync(NotificationSystem system, List<FleetUser> users)
    {
        var repetitions = context.Profile.BulkRepetitions;
        var userIds = users.Select(user => user.UserId).ToList();
        var connections = users.Sum(user => user.Connections);
        var expected = Enumerable.Repeat(connections, repetitions).ToArray();
        var tracker = new StepTracker(context.Router.Reserve(repetitions), expected, new long[repetitions]);
        context.Router.Current = tracker;
        for (var i = 0; i < repetitions; i++)
        {
            tracker.SetScheduledAt(i, MonotonicClock.NowNanoseconds());
            tracker.MarkSending(i);
            bool accepted;
            try
            {
                accepted = await system.Api.SendBulkAsync(userIds, tracker.OperationId(i), context.CancellationToken);
            }
            catch (HttpRequestException)
            {
                accepted = false;
            }

            tracker.MarkSent(i, accepted, MonotonicClock.NowNanoseconds());
            var deadline = Stopwatch.StartNew();
            while (!tracker.IsDrained && deadline.Elapsed < s_bulkTimeout)
            {
                await Task.Delay(5, context.CancellationToken);
            }

            await Task.Delay(500, context.CancellationToken);
        }

        context.Router.Current = null;
        var timesToLast = Enumerable.Range(0, repetitions).Select(tracker.TimeToLastReceiptMilliseconds).Order().ToList();
        var result = new BulkResult(
            system.Key,
            users.Count,
            connections,
            repetitions,
            LatencySummary.From(tracker.Send),
            LatencySummary.From(tracker.Delivery),
            timesToLast[timesToLast.Count / 2],
            timesToLast[^1],
            tracker.CountOutcomes());
        context.Results.Bulk.Add(result);
        ScenarioContext.Report(
            system.Key,
            $"bulk to {users.Count} users: last receipt after {result.MedianTimeToLast:0} ms (median), " +
            $"lost {result.Counts.Lost}");
    }

    private async Task ScaleAsync(NotificationSystem system, IReadOnlyList<FleetUser> users)
    {
        if (!context.Results.Knees.TryGetValue(system.Key, out var baseKnee) || baseKnee.Knee is null)
        {
            throw new InvalidOperationException("the base population has no measured knee.");
        }

        var target = new NotificationLoadTarget(system, users, connected: true);
        var search = await KneeSearch.DescendAsync(
            rate => context.RunStepAsync(system, "10x users", rate, context.Profile.StepDuration, target),
            baseKnee.Knee.TargetRate,
            factor: 0.9,
            context.Profile.ScaleMaxSteps,
            context.Profile.ConfirmFailures);
        context.Results.Scale.Add(
            new ScaleResult(system.Key, context.Profile.Users, users.Count, baseKnee.Throughput, search));
    }
}
