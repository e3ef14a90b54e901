using Notifications.Bench.Load;
using Notifications.Bench.Results;
using Notifications.Bench.Systems;

namespace Notifications.Bench.Scenarios;

/// <summary>What every scenario needs: sizes, the receipt router, where results go, and progress output.</summary>
public sealed class ScenarioContext(
    BenchProfile profile, BenchEnvironment environment, BenchResults results, CancellationToken cancellationToken)
{
    /// <summary>Longest wait after a step for its sends still in flight; the HTTP timeout is 30 s.</summary>
    private static readonly TimeSpan s_maxBacklogWait = TimeSpan.FromSeconds(35);

    public BenchProfile Profile { get; } = profile;

    public BenchEnvironment Environment { get; } = environment;

    public BenchResults Results { get; } = results;

    public ReceiptRouter Router { get; } = new();

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public static void Report(string system, string message) =>
        Console.WriteLine($"{DateTime.Now:HH:mm:ss} [{system}] {message}");

    /// <summary>Runs one step to completion and prints a line about it.</summary>
    public async Task<StepResult> RunStepAsync(
        SystemUnderTest system, string label, double rate, TimeSpan duration, ILoadTarget target,
        CancellationToken stopScheduling = default)
    {
        var plan = new StepPlan(label, rate, duration, Profile.DrainTimeout);
        var (result, tracker) = await OpenLoopStep.RunAsync(
            system.Key, plan, target, Router, system.ReadProcessorTimes, stopScheduling, CancellationToken);
        Report(system.Key, Describe(result));

        // Let queues empty before the next step, so that one step's backlog does not land in the next. Sends still in
        // flight already count as errors; wait for them, then pause.
        var backlogDeadline = DateTime.UtcNow + s_maxBacklogWait;
        while (tracker.InFlight > 0 && DateTime.UtcNow < backlogDeadline)
        {
            await Task.Delay(50, CancellationToken);
        }

        await Task.Delay(result.Passed ? Profile.StepPause.Passed : Profile.StepPause.Failed, CancellationToken);
        return result;
    }

    /// <summary>
    /// Runs one scenario; a failure is recorded in the results and printed, and the run goes on with the next one.
    /// </summary>
    public async Task Attempt(string system, string scenario, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (Exception exception) when (exception is not OperationCanceledException ||
                                          !CancellationToken.IsCancellationRequested)
        {
            Router.Current = null;
            Results.Failures.Add($"{system}: {scenario}: {exception.GetType().Name}: {exception.Message}");
            Report(system, $"{scenario} FAILED: {exception}");
        }
    }

    public static string Describe(StepResult step) =>
        $"{step.Label} {step.TargetRate:0}/s: {(step.Passed ? "pass" : "FAIL " + step.FailureReason)}, " +
        $"p50 {step.Delivery.P50:0.0} ms, p99 {step.Delivery.P99:0.0} ms, " +
        $"accepted {step.Counts.Accepted}, received {step.Counts.Received}/{step.Counts.Expected}, " +
        $"server CPU {step.ServerCpuBreakdown}, harness CPU {step.ClientCpuPercent:0}%";
}
