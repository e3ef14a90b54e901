using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Notifications.WebFront.Tests;

/// <summary>A .NET SignalR client of the hub that records every server event for tests to await.</summary>
public sealed class HubClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly Channel<NewEvent> _new = Channel.CreateUnbounded<NewEvent>();
    private readonly Channel<BatchEvent> _batches = Channel.CreateUnbounded<BatchEvent>();
    private readonly Channel<ReadEvent> _reads = Channel.CreateUnbounded<ReadEvent>();

    public HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<NewEvent>("notification:new", e => _new.Writer.TryWrite(e));
        connection.On<BatchEvent>("notifications:batch", e => _batches.Writer.TryWrite(e));
        connection.On<ReadEvent>("notifications:read", e => _reads.Writer.TryWrite(e));
    }

    public HubConnection Connection { get; }

    public Task<NewEvent> NextNewAsync(TimeSpan? timeout = null) =>
        _new.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? Timeout);

    public Task<BatchEvent> NextBatchAsync() => _batches.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public Task<ReadEvent> NextReadAsync() => _reads.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    public sealed record NewEvent(Notification Notification, int UnreadCount);

    public sealed record BatchEvent(IReadOnlyList<Notification> Notifications, int UnreadCount, long LastSeq, bool HasMore);

    public sealed record ReadEvent(IReadOnlyList<string> Ids, long? UpToSeq, int UnreadCount);

    public sealed record SyncResponse(IReadOnlyList<Notification> Notifications, int UnreadCount, long LastSeq, bool HasMore);

    public sealed record PageResponse(IReadOnlyList<Notification> Notifications, int UnreadCount, bool HasMore);
}
