namespace Notifications.Bench.Clients;

/// <summary>Connections of many simulated users; every receipt goes to the harness's receipt router.</summary>
public interface IClientFleet : IAsyncDisposable
{
    /// <summary>Connections opened so far.</summary>
    int ConnectionCount { get; }

    /// <summary>
    /// Opens every connection of every user. Fails if a connection cannot be opened after a few attempts.
    /// </summary>
    Task ConnectAsync(IReadOnlyList<FleetUser> users, CancellationToken cancellationToken);

    /// <summary>Counts the connections that are connected now.</summary>
    Task<int> CountConnectedAsync(CancellationToken cancellationToken);
}
