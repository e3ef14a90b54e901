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
    private readonly SemaphoreSlim _wake = new(0, 1);

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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(interval, stoppingToken);
                await registry.RenewAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                Log.RenewalFailed(logger, exception);
            }
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
        [LoggerMessage(2300, LogLevel.Error, "Renewing observer subscriptions failed")]
        public static partial void RenewalFailed(ILogger logger, Exception exception);
    }
}
