using Notifications.Bench.Clients;
using Notifications.Bench.Load;
using Notifications.Bench.Systems;

namespace Notifications.Bench.Scenarios;

/// <summary>Fixed-rate scenarios against connected users: warm-up, low-rate latency, the knee, half of b's knee.</summary>
public sealed class LoadScenarios(ScenarioContext context)
{
    public async Task WarmupAsync(NotificationSystem system, IReadOnlyList<FleetUser> users)
    {
        var target = new NotificationLoadTarget(system, users, connected: true);
        await context.RunStepAsync(
            system, "warm-up", context.Profile.SweepStartRate, context.Profile.WarmupDuration, target);
    }

    public async Task LowRateAsync(SystemUnderTest system, ILoadTarget target)
    {
        var step = await context.RunStepAsync(
            system, "low rate", context.Profile.LowRate, context.Profile.LowRateDuration, target);
        context.Results.LowRate.Add(step);
    }

    public async Task<KneeResult> KneeAsync(SystemUnderTest system, ILoadTarget target)
    {
        var profile = context.Profile;
        var knee = await KneeSearch.RunAsync(
            rate => context.RunStepAsync(system, "sweep", rate, profile.StepDuration, target),
            profile.SweepStartRate,
            profile.SweepGrowthFactor,
            profile.SweepMaxRate,
            profile.SweepRefinements,
            profile.ConfirmFailures);
        context.Results.Knees[system.Key] = knee;
        ScenarioContext.Report(system.Key, $"knee {knee.Throughput:0} notifications/s");
        return knee;
    }

    /// <summary>Runs a step at half of system b's knee, for the p99 comparison with b.</summary>
    public async Task HalfKneeOfBaselineAsync(SystemUnderTest system, ILoadTarget target)
    {
        var baselineKnee = context.Results.KneeOf("b");
        if (baselineKnee <= 0)
        {
            context.Results.Failures.Add($"{system.Key}: half of b's knee: b has no measured knee.");
            return;
        }

        var step = await context.RunStepAsync(
            system, "half of b's knee", baselineKnee / 2, context.Profile.StepDuration * 2, target);
        context.Results.HalfKneeOfBaseline.Add(step);
    }
}
