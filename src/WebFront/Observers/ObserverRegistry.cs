namespace Notifications.WebFront.Observers;

/// <summary>
/// Counts this frontend's connections per user and keeps the frontend's observer subscribed to the grain of every
/// user with at least one local connection: subscribe on the first, unsubscribe after the last, renew in between.
/// </summary>
public sealed partial class ObserverRegistry(
    IClusterClient cluster,
    NotificationRelay relay,
    ILogger<ObserverRegistry> logger)
{
    // Maximum concurrent grain calls while renewing every subscription.
    private const int RenewParallelism = 32;

    private readonly Dictionary<string, UserEntry> _users = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Lazy<INotificationObserver> _reference =
        new(() => cluster.CreateObjectReference<INotificationObserver>(relay), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers a connection; the first one of a user subscribes this frontend to the user's grain.</summary>
    public async Task AddConnectionAsync(string userId)
    {
        UserEntry entry;
        lock (_lock)
        {
            if (!_users.TryGetValue(userId, out entry!))
            {
                entry = new UserEntry();
                _users.Add(userId, entry);
            }

            entry.Connections++;
        }

        // The gate orders subscribe and unsubscribe calls of one user, so a quick reconnect cannot end unsubscribed.
        await entry.Gate.WaitAsync();
        try
        {
            if (!entry.Subscribed && entry.ConnectionCount(_lock) > 0)
            {
                await Grain(userId).SubscribeAsync(_reference.Value);
                entry.Subscribed = true;
                Log.Subscribed(logger, userId);
            }
        }
        catch
        {
            await ReleaseConnectionAsync(userId, entry, gateHeld: true);
            throw;
        }

        entry.Gate.Release();
    }

    /// <summary>Unregisters a connection; after the last one of a user, unsubscribes from the user's grain.</summary>
    public async Task RemoveConnectionAsync(string userId)
    {
        UserEntry? entry;
        lock (_lock)
        {
            if (!_users.TryGetValue(userId, out entry))
            {
                return;
            }
        }

        await entry.Gate.WaitAsync();
        await ReleaseConnectionAsync(userId, entry, gateHeld: true);
    }

    /// <summary>
    /// Subscribes again to the grain of every user with a local connection: renews subscriptions before they expire
    /// and restores them after a grain moved to another silo and lost its observers. Returns the number of failures.
    /// </summary>
    public async Task<int> RenewAllAsync(CancellationToken cancellationToken)
    {
        string[] userIds;
        lock (_lock)
        {
            userIds = _users.Where(pair => pair.Value.Subscribed).Select(pair => pair.Key).ToArray();
        }

        var failures = 0;
        await Parallel.ForEachAsync(
            userIds,
            new ParallelOptions { MaxDegreeOfParallelism = RenewParallelism, CancellationToken = cancellationToken },
            async (userId, _) =>
            {
                try
                {
                    await Grain(userId).SubscribeAsync(_reference.Value);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    if (Interlocked.Increment(ref failures) == 1)
                    {
                        Log.RenewFailed(logger, userId, exception);
                    }
                }
            });

        Log.Renewed(logger, userIds.Length, failures);
        return failures;
    }

    /// <summary>Unsubscribes from every grain, for a graceful shutdown.</summary>
    public async Task UnsubscribeAllAsync(CancellationToken cancellationToken)
    {
        string[] userIds;
        lock (_lock)
        {
            userIds = _users.Where(pair => pair.Value.Subscribed).Select(pair => pair.Key).ToArray();
        }

        await Parallel.ForEachAsync(
            userIds,
            new ParallelOptions { MaxDegreeOfParallelism = RenewParallelism, CancellationToken = cancellationToken },
            async (userId, _) =>
            {
                try
                {
                    await Grain(userId).UnsubscribeAsync(_reference.Value);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The subscription expires on its own; shutting down goes on.
                    Log.UnsubscribeFailed(logger, userId, exception);
                }
            });
    }

    private async Task ReleaseConnectionAsync(string userId, UserEntry entry, bool gateHeld)
    {
        try
        {
            int remaining;
            lock (_lock)
            {
                remaining = --entry.Connections;
            }

            if (remaining == 0 && entry.Subscribed)
            {
                entry.Subscribed = false;
                try
                {
                    await Grain(userId).UnsubscribeAsync(_reference.Value);
                    Log.Unsubscribed(logger, userId);
                }
                catch (Exception exception)
                {
                    // The grain drops the subscription when it expires.
                    Log.UnsubscribeFailed(logger, userId, exception);
                }
            }

            lock (_lock)
            {
                if (entry.Connections == 0)
                {
                    _users.Remove(userId);
                }
            }
        }
        finally
        {
            if (gateHeld)
            {
                entry.Gate.Release();
            }
        }
    }

    private IUserNotificationGrain Grain(string userId) => cluster.GetGrain<IUserNotificationGrain>(userId);

    private sealed class UserEntry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Connections { get; set; }

        public bool Subscribed { get; set; }

        public int ConnectionCount(Lock sync)
        {
            lock (sync)
            {
                return Connections;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2200, LogLevel.Debug, "Subscribed to the grain of user {UserId}")]
        public static partial void Subscribed(ILogger logger, string userId);

        [LoggerMessage(2201, LogLevel.Debug, "Unsubscribed from the grain of user {UserId}")]
        public static partial void Unsubscribed(ILogger logger, string userId);

        [LoggerMessage(2202, LogLevel.Warning, "Unsubscribing from the grain of user {UserId} failed; the subscription will expire")]
        public static partial void UnsubscribeFailed(ILogger logger, string userId, Exception exception);

        [LoggerMessage(2203, LogLevel.Warning, "Renewing the subscription of user {UserId} failed")]
        public static partial void RenewFailed(ILogger logger, string userId, Exception exception);

        [LoggerMessage(2204, LogLevel.Debug, "Renewed {Count} subscriptions, {Failures} failed")]
        public static partial void Renewed(ILogger logger, int count, int failures);
    }
}
