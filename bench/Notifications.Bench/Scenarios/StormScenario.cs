using Notifications.Bench.Clients;
using Notifications.Bench.Load;
using Notifications.Bench.Results;
using Notifications.Bench.Systems;

namespace Notifications.Bench.Scenarios;

/// <summary>
/// A reconnect storm: clients are connected and receiving a steady trickle of notifications when the frontend
/// restarts. Every client reconnects on its own (and, where the system offers it, calls Sync). Measures the time
/// until all are connected again and how many accepted notifications never reached their client.
/// </summary>
public sealed class StormScenario(ScenarioContext context)
{
    private static readonly TimeSpan s_maxDuration = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan s_beforeRestart = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_afterReconnect = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_reconnectTimeout = TimeSpan.FromSeconds(60);

    public async Task RunAsync(NotificationSystem system)
    {
        var profile = context.Profile;
        var users = FleetUser.Create("storm", profile.StormClients, mixedConnections: false);
        await using var fleet = system.CreateFleet(context.Router);
        await fleet.ConnectAsync(users, context.CancellationToken);

        using var stopSending = new CancellationTokenSource();
        var target = new NotificationLoadTarget(system, users, connected: true);
        var plan = new StepPlan("storm", profile.StormRate, s_maxDuration, profile.DrainTimeout * 2);
        var step = OpenLoopStep.RunAsync(
            system.Key, plan, target, context.Router, system.ReadProcessorTimes, stopSending.Token,
            context.CancellationToken);

        await Task.Delay(s_beforeRestart, context.CancellationToken);
        var restart = await system.RestartFrontendAsync(context.CancellationToken);

        var connected = 0;
        while (MonotonicClock.NowNanoseconds() - restart.Ready < s_reconnectTimeout.TotalNanoseconds)
        {
            connected = await fleet.CountConnectedAsync(context.CancellationToken);
            if (connected >= fleet.ConnectionCount)
            {
                break;
            }

            await Task.Delay(20, context.CancellationToken);
        }

        var allConnected = MonotonicClock.NowNanoseconds();
        await Task.Delay(s_afterReconnect, context.CancellationToken);
        await stopSending.CancelAsync();
        var (result, _) = await step;

        var storm = new StormResult(
            system.Key,
            fleet.ConnectionCount,
            (restart.Stopped - restart.StopRequested) / 1e6,
            restart.Killed,
            (restart.Ready - restart.StopRequested) / 1e6,
            (allConnected - restart.Ready) / 1e6,
            (allConnected - restart.StopRequested) / 1e6,
            connected >= fleet.ConnectionCount,
            result.Counts);
        context.Results.Storm.Add(storm);
        ScenarioContext.Report(
            system.Key,
            $"storm: {connected}/{fleet.ConnectionCount} reconnected {storm.ReadyToAllConnectedMilliseconds:0} ms " +
            $"after the restarted frontend was ready; accepted {result.Counts.Accepted}, lost {result.Counts.Lost}, " +
            $"rejected {result.Counts.SendErrors}, via Sync {result.Counts.ViaSync}");
    }
}
