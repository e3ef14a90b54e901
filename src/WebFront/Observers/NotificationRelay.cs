using Microsoft.AspNetCore.SignalR;
using Notifications.WebFront.Hubs;

namespace Notifications.WebFront.Observers;

/// <summary>
/// This frontend's one grain observer: relays each grain callback to the user's SignalR connections on this process.
/// </summary>
/// <remarks>
/// It sends to the user's group (<see cref="NotificationHub.UserGroup"/>) rather than with <c>Clients.User</c>:
/// ASP.NET Core's default lifetime manager finds a user's connections by checking every connection of the process,
/// but looks a group up directly, so the cost of a send does not grow with the connections of other users.
/// </remarks>
public sealed partial class NotificationRelay(
    IHubContext<NotificationHub, INotificationClient> hub,
    ILogger<NotificationRelay> logger) : INotificationObserver
{
    /// <inheritdoc />
    public void OnNotification(string userId, Notification notification, int unreadCount)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Log.Relaying(logger, userId, notification.Id);
        var payload = new NotificationNewEvent(notification, unreadCount);
        Forward(hub.Clients.Group(NotificationHub.UserGroup(userId)).NotificationNewAsync(payload), userId);
    }

    /// <inheritdoc />
    public void OnRead(string userId, IReadOnlyList<string> ids, long? upToSeq, int unreadCount)
    {
        var payload = new NotificationsReadEvent(ids, upToSeq, unreadCount);
        Forward(hub.Clients.Group(NotificationHub.UserGroup(userId)).NotificationsReadAsync(payload), userId);
    }

    // Observer calls are one-way, so the grain does not wait for the send. The send starts here in call order, and
    // a failure is logged. A connection that misses an event catches up with Sync.
    private async void Forward(Task send, string userId)
    {
        try
        {
            await send;
        }
        catch (Exception exception)
        {
            Log.RelayFailed(logger, userId, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2100, LogLevel.Trace, "Relaying notification {NotificationId} to user {UserId}")]
        public static partial void Relaying(ILogger logger, string userId, string notificationId);

        [LoggerMessage(2101, LogLevel.Warning, "Relaying an event to user {UserId} failed")]
        public static partial void RelayFailed(ILogger logger, string userId, Exception exception);
    }
}
