using Notifications.Bench.Clients;
using Notifications.Bench.Load;

namespace Notifications.Bench.Systems;

/// <summary>A system that serves the notification send API and pushes to connected clients.</summary>
public abstract class NotificationSystem : SystemUnderTest
{
    private NotificationApi? _api;

    /// <summary>The send API; set once the system started.</summary>
    public NotificationApi Api => _api ?? throw new InvalidOperationException($"System {Key} is not started.");

    /// <summary>True when clients can call <c>Sync(afterSeq, limit)</c> after a reconnect.</summary>
    public virtual bool SupportsSync => false;

    public abstract IClientFleet CreateFleet(ReceiptRouter router);

    /// <summary>
    /// Stops the process that serves the client connections (SIGTERM) and starts it again on the same port.
    /// </summary>
    public abstract Task<RestartTimes> RestartFrontendAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates the send API client on first start. A restarted server keeps the same address and signing key, so the
    /// client and its service token stay in use across a restart.
    /// </summary>
    protected async Task ConnectApiAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        if (_api is not null)
        {
            return;
        }

        _api = new NotificationApi(baseAddress);
        await _api.InitializeAsync(cancellationToken);
    }

    protected void DisposeApi() => _api?.Dispose();
}
