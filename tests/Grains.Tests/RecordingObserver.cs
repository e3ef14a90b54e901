using System.Threading.Channels;

namespace Notifications.Grains.Tests;

/// <summary>An observer that records callbacks, so tests can await them with a time limit.</summary>
public sealed class RecordingObserver : INotificationObserver
{
    private readonly Channel<Notification> _notifications = Channel.CreateUnbounded<Notification>();
    private readonly Channel<(IReadOnlyList<string> Ids, long? UpToSeq, int UnreadCount)> _reads =
        Channel.CreateUnbounded<(IReadOnlyList<string>, long?, int)>();

    public void OnNotification(string userId, Notification notification, int unreadCount) =>
        _notifications.Writer.TryWrite(notification);

    public void OnRead(string userId, IReadOnlyList<string> ids, long? upToSeq, int unreadCount) =>
        _reads.Writer.TryWrite((ids, upToSeq, unreadCount));

    public async Task<Notification> NextNotificationAsync(TimeSpan timeout) =>
        await _notifications.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    public async Task<(IReadOnlyList<string> Ids, long? UpToSeq, int UnreadCount)> NextReadAsync(TimeSpan timeout) =>
        await _reads.Reader.ReadAsync().AsTask().WaitAsync(timeout);

    public bool TryTakeNotification(out Notification notification) => _notifications.Reader.TryRead(out notification!);
}
