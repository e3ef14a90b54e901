namespace Notifications.Bench.Load;

/// <summary>
/// Runs one open-loop step: operation i is due at start + i / rate and is started at that time whether or not
/// earlier ones finished, so a slow system cannot slow the load down. Latencies run from the scheduled time,
/// not from the moment the send started, so time spent queued in the harness or the server is counted.
/// </summary>
public static class OpenLoopStep
{
    // The first operation is due 20 ms after the step starts, so the scheduler thread is running by then.
    private const long StartDelayNanoseconds = 20_000_000;

    /// <param name="system">System name for the result.</param>
    /// <param name="plan">Rate, duration and drain timeout.</param>
    /// <param name="target">What to send.</param>
    /// <param name="router">Routes receipts to this step while it runs.</param>
    /// <param name="readServerProcessorTimes">Processor time of each of the system's processes so far.</param>
    /// <param name="stopScheduling">Stops scheduling early; operations not yet due are then never sent.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<(StepResult Result, StepTracker Tracker)> RunAsync(
        string system,
        StepPlan plan,
        ILoadTarget target,
        ReceiptRouter router,
        Func<IReadOnlyDictionary<string, TimeSpan>> readServerProcessorTimes,
        CancellationToken stopScheduling,
        CancellationToken cancellationToken)
    {
        var count = plan.OperationCount;
        var intervalNanoseconds = 1e9 / plan.Rate;
        var expected = new int[count];
        var scheduled = new long[count];
        for (var i = 0; i < count; i++)
        {
            expected[i] = target.ExpectedReceipts(i);
        }

        var tracker = new StepTracker(router.Reserve(count), expected, scheduled);
        var start = MonotonicClock.NowNanoseconds() + StartDelayNanoseconds;
        for (var i = 0; i < count; i++)
        {
            scheduled[i] = start + (long)(i * intervalNanoseconds);
        }

        router.Current = tracker;
        var processorTimesBefore = readServerProcessorTimes();
        var clientTimeBefore = ClientProcessorTime.Read();
        var scheduler = new Thread(() => Schedule(plan, target, tracker, scheduled, stopScheduling, cancellationToken))
        {
            IsBackground = true,
            Name = "open-loop scheduler",
            Priority = ThreadPriority.AboveNormal,
        };
        scheduler.Start();
        while (scheduler.IsAlive)
        {
            await Task.Delay(20, cancellationToken);
        }

        var processorTimesAfter = readServerProcessorTimes();
        var clientTimeAfter = ClientProcessorTime.Read();
        var lastScheduled = MonotonicClock.NowNanoseconds();

        // Give the last sends time to finish and their receipts time to arrive.
        var drainDeadline = lastScheduled + (long)(plan.DrainTimeout.TotalMilliseconds * 1e6);
        while (!tracker.IsDrained && MonotonicClock.NowNanoseconds() < drainDeadline)
        {
            await Task.Delay(10, cancellationToken);
        }

        router.Current = null;
        tracker.Close();
        var wallSeconds = plan.Duration.TotalSeconds;
        var cpuPercents = processorTimesAfter.ToDictionary(
            pair => pair.Key,
            pair => (pair.Value - processorTimesBefore.GetValueOrDefault(pair.Key)).TotalSeconds / wallSeconds * 100);
        var clientCpuPercent = (clientTimeAfter - clientTimeBefore).TotalSeconds / wallSeconds * 100;
        var result = new StepResult(
            system,
            plan.Label,
            plan.Rate,
            plan.Duration,
            tracker.CountOutcomes(),
            LatencySummary.From(tracker.Delivery),
            LatencySummary.From(tracker.Send),
            cpuPercents.Values.Sum(),
            string.Join(" + ", cpuPercents.Select(pair => $"{pair.Key} {pair.Value:0}%")),
            clientCpuPercent);
        return (result, tracker);
    }

    private static void Schedule(
        StepPlan plan,
        ILoadTarget target,
        StepTracker tracker,
        long[] scheduled,
        CancellationToken stopScheduling,
        CancellationToken cancellationToken)
    {
        // The loop ends on its own: the last operation is due at plan.Duration; the hard limit guards a stuck clock.
        var hardLimit = MonotonicClock.NowNanoseconds() + (long)((plan.Duration.TotalSeconds + 60) * 1e9);
        var next = 0;
        while (next < scheduled.Length && !stopScheduling.IsCancellationRequested &&
               !cancellationToken.IsCancellationRequested)
        {
            var now = MonotonicClock.NowNanoseconds();
            if (now > hardLimit)
            {
                break;
            }

            while (next < scheduled.Length && scheduled[next] <= now)
            {
                if (tracker.InFlight >= plan.MaxInFlight)
                {
                    tracker.MarkSkipped(next);
                }
                else
                {
                    target.Start(tracker, next);
                }

                next++;
            }

            if (next < scheduled.Length)
            {
                // Sleep(1) wakes about every millisecond on Linux: up to that much of each latency is the timer's.
                var waitMilliseconds = (scheduled[next] - MonotonicClock.NowNanoseconds()) / 1_000_000;
                Thread.Sleep((int)Math.Clamp(waitMilliseconds, 1, 50));
            }
        }
    }
}
