using Notifications.Bench.Load;
using Notifications.Bench.Systems;

namespace Notifications.Bench.Scenarios;

/// <summary>The physical limit: the same sweep over raw WebSocket round trips to a Kestrel echo server.</summary>
public sealed class EchoScenario(ScenarioContext context, LoadScenarios load)
{
    public async Task RunAsync(EchoSystem system)
    {
        await using var target = await EchoLoadTarget.ConnectAsync(
            system.EchoUrl, context.Profile.EchoConnections, context.Router, context.CancellationToken);
        await context.RunStepAsync(
            system, "warm-up", context.Profile.SweepStartRate, context.Profile.WarmupDuration, target);
        await load.LowRateAsync(system, target);
        await load.KneeAsync(system, target);
    }
}
