using Microsoft.Extensions.Options;
using Notifications.WebFront.Hosting;

namespace Notifications.WebFront.Observers;

/// <summary>
/// Renews this frontend's observer subscriptions on a timer, and at once when the set of connected gateways changes,
/// because a silo that left may have taken grains with it whose new activations know no observers.
/// </summary>
public sealed partial class ObserverRenewalService(
    ObserverRegistry registry,
    IOptions<OrleansClientOptions> options,
    ILogger<ObserverRenewalService> logger) : BackgroundService
{
    // After a failed renewal, such as a call to a grain whose silo died and is not yet declared dead, the next try
    // comes this soon, so that delivery resumes shortly after the cluster's failure detection.
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks for a renewal as soon as possible because the number of connected gateways changed.</summary>
    public void OnGatewayCountChanged(int previous, int current)
    {
        Log.GatewayCountChanged(logger, previous, current);
        RequestRenewal();
    }

    /// <summary>Asks for a renewal as soon as possible.</summary>
    public void RequestRenewal()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // A renewal is already pending.
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ObserverRefreshInterval;
        var delay = interval;
        var retries = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(delay, stoppingToken);
                var failures = await registry.RenewAllAsync(stoppingToken);
                retries = failures > 0 ? retries + 1 : 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                Log.RenewalFailed(logger, exception);
                retries++;
            }

            // Retries back off from one second up to the regular interval.
            delay = retries == 0
                ? interval
                : TimeSpan.FromTicks(Math.Min(interval.Ticks, RetryDelay.Ticks << Math.Min(retries - 1, 10)));
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await registry.UnsubscribeAllAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Subscriptions left behind expire on the silos.
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(2301, LogLevel.Information, "Connected gateways changed from {Previous} to {Current}; renewing observer subscriptions")]
        public static partial void GatewayCountChanged(ILogger logger, int previous, int current);

        [LoggerMessage(2300, LogLevel.Error, "Renewing observer subscriptions failed")]
        public static partial void RenewalFailed(ILogger logger, Exception exception);
    }
}
