using System.Diagnostics;
using HdrHistogram;
using Notifications.Bench.Clients;
using Notifications.Bench.Load;
using Notifications.Bench.Results;
using Notifications.Bench.Systems;

namespace Notifications.Bench.Scenarios;

/// <summary>
/// Send cost with a full inbox: users are filled to the inbox size through bulk sends, then sends alternate between
/// them and users with an almost empty inbox, so both groups see the same machine load.
/// </summary>
public sealed class InboxScenario(ScenarioContext context)
{
    private const int FillParallelism = 4;

    public async Task RunAsync(NotificationSystem system)
    {
        var profile = context.Profile;
        var full = FleetUser.Create("inbox-full", profile.InboxUsers, mixedConnections: false);
        var empty = FleetUser.Create("inbox-empty", profile.InboxUsers, mixedConnections: false);
        var fullIds = full.Select(user => user.UserId).ToList();

        var fillTime = Stopwatch.StartNew();
        var fillErrors = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = FillParallelism,
            CancellationToken = context.CancellationToken,
        };
        await Parallel.ForAsync(0, profile.InboxSize, options, async (_, token) =>
        {
            if (!await system.Api.SendBulkAsync(fullIds, context.Router.Reserve(1), token))
            {
                Interlocked.Increment(ref fillErrors);
            }
        });
        fillTime.Stop();
        if (fillErrors > 0)
        {
            throw new InvalidOperationException($"{fillErrors} of {profile.InboxSize} bulk sends to fill inboxes failed.");
        }

        ScenarioContext.Report(
            system.Key,
            $"filled {full.Count} inboxes with {profile.InboxSize} notifications in {fillTime.Elapsed.TotalSeconds:0.0} s");

        // One send to every user first, so that no measured send pays for activating a grain.
        foreach (var user in full.Concat(empty))
        {
            await system.Api.SendAsync(user.UserId, context.Router.Reserve(1), context.CancellationToken);
        }

        var knee = context.Results.KneeOf(system.Key);
        // A low rate, so that the latencies show the cost of a send rather than queueing behind other sends.
        var rate = Math.Clamp(knee / 10, 50, 100);
        var target = new AlternatingTarget(system, full, empty);
        var step = await context.RunStepAsync(system, "inbox full/empty", rate, profile.InboxDuration, target);
        var result = new InboxResult(
            system.Key,
            full.Count,
            profile.InboxSize,
            fillTime.Elapsed,
            rate,
            LatencySummary.From(target.Empty),
            LatencySummary.From(target.Full),
            step.Counts.SendErrors + step.Counts.Skipped);
        context.Results.Inbox.Add(result);
        ScenarioContext.Report(
            system.Key,
            $"inbox: send p50 empty {result.Empty.P50:0.0} ms, full {result.Full.P50:0.0} ms, " +
            $"ratio {result.MedianRatio:0.00}");
    }

    /// <summary>Even operations go to full inboxes and odd ones to empty inboxes; send latency per group.</summary>
    private sealed class AlternatingTarget(
        NotificationSystem system, IReadOnlyList<FleetUser> full, IReadOnlyList<FleetUser> empty) : ILoadTarget
    {
        public HistogramBase Full { get; } = LatencyHistogram.Create();

        public HistogramBase Empty { get; } = LatencyHistogram.Create();

        public int ExpectedReceipts(int index) => 0;

        public void Start(StepTracker tracker, int index)
        {
            tracker.MarkSending(index);
            _ = SendAsync(tracker, index);
        }

        private async Task SendAsync(StepTracker tracker, int index)
        {
            var toFull = index % 2 == 0;
            var users = toFull ? full : empty;
            var userId = users[index / 2 % users.Count].UserId;
            bool accepted;
            try
            {
                accepted = await system.Api.SendAsync(userId, tracker.OperationId(index), CancellationToken.None);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                accepted = false;
            }

            var completed = MonotonicClock.NowNanoseconds();
            if (accepted)
            {
                LatencyHistogram.RecordNanoseconds(toFull ? Full : Empty, completed - tracker.ScheduledAt(index));
            }

            tracker.MarkSent(index, accepted, completed);
        }
    }
}
