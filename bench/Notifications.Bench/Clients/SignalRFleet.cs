using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Notifications.Bench.Load;

namespace Notifications.Bench.Clients;

/// <summary>
/// SignalR connections over WebSockets (no negotiate round trip), each reporting <c>notification:new</c> to the
/// receipt router. With <paramref name="syncOnReconnect"/> a connection calls <c>Sync(afterSeq, 100)</c> after each
/// automatic reconnect until it has caught up, as the web client does.
/// </summary>
public sealed class SignalRFleet(
    Uri hubUrl,
    Func<string, CancellationToken, Task<string>> getUserToken,
    ReceiptRouter router,
    bool syncOnReconnect) : IClientFleet
{
    private const int ConnectParallelism = 16;
    private const int ConnectAttempts = 3;
    private const int SyncPageSize = 100;
    private const int MaxSyncPages = 1_000;

    private readonly ConcurrentBag<HubConnection> _connections = [];
    private long _syncFailures;

    public int ConnectionCount => _connections.Count;

    /// <summary>Sync calls that failed; the notifications they would have fetched then count as lost.</summary>
    public long SyncFailures => Interlocked.Read(ref _syncFailures);

    public async Task ConnectAsync(IReadOnlyList<FleetUser> users, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = ConnectParallelism,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(users, options, async (user, token) =>
        {
            var accessToken = await getUserToken(user.UserId, token);
            for (var i = 0; i < user.Connections; i++)
            {
                var connection = Build(accessToken);
                _connections.Add(connection);
                await StartWithRetriesAsync(connection, user.UserId, token);
            }
        });
    }

    public Task<int> CountConnectedAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_connections.Count(connection => connection.State == HubConnectionState.Connected));

    public async ValueTask DisposeAsync()
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = 32 };
        await Parallel.ForEachAsync(_connections, options, async (connection, _) => await connection.DisposeAsync());
        _connections.Clear();
    }

    private static async Task StartWithRetriesAsync(
        HubConnection connection, string userId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.StartAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (attempt < ConnectAttempts && exception is not OperationCanceledException)
            {
                await Task.Delay(200 * attempt, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"Connection of user {userId} failed {ConnectAttempts} times: {exception.Message}", exception);
            }
        }
    }

    private HubConnection Build(string accessToken)
    {
        var url = new Uri($"{hubUrl}?access_token={Uri.EscapeDataString(accessToken)}");
        var connection = new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
            })
            .WithAutomaticReconnect(new FastRetryPolicy())
            .Build();

        // Highest seq seen on this connection: where a Sync after a reconnect starts.
        long lastSeq = 0;
        connection.On<NotificationEventMessage>("notification:new", message =>
        {
            var received = MonotonicClock.NowNanoseconds();
            router.OnReceipt(message.Notification.Title, received);
            InterlockedMax(ref lastSeq, message.Notification.Seq);
        });

        if (syncOnReconnect)
        {
            connection.Reconnected += async _ =>
            {
                try
                {
                    await SyncAsync(connection, () => Volatile.Read(ref lastSeq), seq => InterlockedMax(ref lastSeq, seq));
                }
                catch (Exception exception) when (exception is HubException or InvalidOperationException
                                                      or IOException or OperationCanceledException)
                {
                    Interlocked.Increment(ref _syncFailures);
                }
            };
        }

        return connection;
    }

    private async Task SyncAsync(HubConnection connection, Func<long> readLastSeq, Action<long> raiseLastSeq)
    {
        for (var page = 0; page < MaxSyncPages; page++)
        {
            var result = await connection.InvokeAsync<SyncResultMessage>("Sync", readLastSeq(), SyncPageSize);
            var received = MonotonicClock.NowNanoseconds();
            foreach (var notification in result.Notifications)
            {
                router.OnReceipt(notification.Title, received, viaSync: true);
                raiseLastSeq(notification.Seq);
            }

            if (!result.HasMore || result.Notifications.Count == 0)
            {
                return;
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var previous = Interlocked.CompareExchange(ref target, value, current);
            if (previous == current)
            {
                return;
            }

            current = previous;
        }
    }
}
