namespace Notifications.Bench.Load;

/// <summary>
/// Finds the throughput knee: the highest rate at which a step passes (every notification delivered, p99 under
/// 100 ms). Rates grow by a factor until a step fails, then the interval between the last pass and the first
/// failure is halved on a log scale a few times. With confirmation on, a rate that failed on p99 alone (under three
/// times the limit) is run a second time and counts as failed only if it fails again. One pause of a machine shared
/// with other work then does not end the search. Both runs are kept in the steps.
/// </summary>
public static class KneeSearch
{
    private const double MinRate = 10;

    public static async Task<KneeResult> RunAsync(
        Func<double, Task<StepResult>> runStep,
        double startRate,
        double growthFactor,
        double maxRate,
        int refinements,
        bool confirmFailures)
    {
        var steps = new List<StepResult>();
        runStep = Confirming(runStep, steps, confirmFailures);
        StepResult? lastPass = null;
        StepResult? firstFail = null;

        // Grow until a step fails or the ceiling is reached.
        var rate = startRate;
        while (rate <= maxRate)
        {
            var step = await runStep(rate);
            if (!step.Passed)
            {
                firstFail = step;
                break;
            }

            lastPass = step;
            rate *= growthFactor;
        }

        // If the very first step failed, come down until one passes.
        rate = startRate / growthFactor;
        while (lastPass is null && rate >= MinRate)
        {
            var step = await runStep(rate);
            if (step.Passed)
            {
                lastPass = step;
            }
            else
            {
                firstFail = step;
            }

            rate /= growthFactor;
        }

        for (var i = 0; i < refinements && lastPass is not null && firstFail is not null; i++)
        {
            var step = await runStep(Math.Sqrt(lastPass.TargetRate * firstFail.TargetRate));
            if (step.Passed)
            {
                lastPass = step;
            }
            else
            {
                firstFail = step;
            }
        }

        return new KneeResult(steps, lastPass, firstFail);
    }

    /// <summary>Wraps a step so that every run is recorded and, if asked, a marginal failure is run once more.</summary>
    private static Func<double, Task<StepResult>> Confirming(
        Func<double, Task<StepResult>> runStep, List<StepResult> steps, bool confirmFailures) => async rate =>
    {
        var step = await runStep(rate);
        steps.Add(step);
        if (step.Passed || !confirmFailures || !step.IsMarginalFailure)
        {
            return step;
        }

        var repeat = await runStep(rate);
        steps.Add(repeat);
        return repeat;
    };

    /// <summary>
    /// Starts at <paramref name="rate"/> and lowers it by <paramref name="factor"/> until a step passes, at most
    /// <paramref name="maxSteps"/> times.
    /// </summary>
    public static async Task<KneeResult> DescendAsync(
        Func<double, Task<StepResult>> runStep, double rate, double factor, int maxSteps, bool confirmFailures)
    {
        var steps = new List<StepResult>();
        runStep = Confirming(runStep, steps, confirmFailures);
        StepResult? firstFail = null;
        for (var i = 0; i < maxSteps; i++)
        {
            var step = await runStep(rate);
            if (step.Passed)
            {
                return new KneeResult(steps, step, firstFail);
            }

            firstFail ??= step;
            rate *= factor;
        }

        return new KneeResult(steps, null, firstFail);
    }
}
