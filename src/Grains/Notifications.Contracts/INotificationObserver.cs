using Orleans.Concurrency;

namespace Notifications;

/// <summary>
/// Receives a user's inbox changes; each frontend subscribes one observer to the grains of its connected users.
/// </summary>
[Alias("Notifications.INotificationObserver")]
public interface INotificationObserver : IGrainObserver
{
    /// <summary>Called after a new notification is stored.</summary>
    [OneWay, Alias("OnNotification")]
    void OnNotification(string userId, Notification notification, int unreadCount);

    /// <summary>
    /// Called after read state changed: <paramref name="ids"/> after a mark read,
    /// <paramref name="upToSeq"/> after a mark all read.
    /// </summary>
    [OneWay, Alias("OnRead")]
    void OnRead(string userId, IReadOnlyList<string> ids, long? upToSeq, int unreadCount);
}
