using Microsoft.Extensions.Options;
using Notifications.WebFront.Hosting;

namespace Notifications.WebFront.Observers;

/// <summary>
/// Polls the list of active silos and requests an observer renewal as soon as one leaves. The grains it
/// hosted come back elsewhere with no observers, and the first call after the cluster declared the silo dead
/// activates them, so renewing then restores live delivery within the failure-detection time plus one poll.
/// </summary>
/// <remarks>
/// The Orleans client's own gateway-count event fires only when its gateway list is refreshed, which can be a
/// minute after a silo died, so it is not enough on its own.
/// </remarks>
public sealed partial class SiloMembershipWatcher(
    IClusterClient cluster,
    ObserverRenewalService renewal,
    IOptions<OrleansClientOptions> options,
    ILogger<SiloMembershipWatcher> logger) : BackgroundService
{
    private HashSet<string>? _known;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.MembershipPollInterval;
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                await PollAsync(interval * 4, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PollAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        try
        {
            var hosts = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, stoppingToken)
                .WaitAsync(timeout, stoppingToken);
            var current = hosts.Keys.Select(silo => silo.ToParsableString()).ToHashSet(StringComparer.Ordinal);
            if (_known is not null && _known.Except(current).Any())
            {
                Log.SiloLeft(logger, _known.Count, current.Count);
                renewal.RequestRenewal();
            }

            _known = current;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The management grain lives on a silo too; while that silo is being replaced the call fails.
            Log.PollFailed(logger, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2400, LogLevel.Information, "Active silos went from {Previous} to {Current}; renewing observer subscriptions")]
        public static partial void SiloLeft(ILogger logger, int previous, int current);

        [LoggerMessage(2401, LogLevel.Debug, "Polling the active silos failed")]
        public static partial void PollFailed(ILogger logger, Exception exception);
    }
}
