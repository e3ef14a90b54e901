using Microsoft.AspNetCore.SignalR;

namespace Notifications.WebFront.Hubs;

/// <summary>Events the server sends to browsers; every payload carries the user's unread count.</summary>
public interface INotificationClient
{
    /// <summary>A live arrival: the only event that shows a toast.</summary>
    [HubMethodName("notification:new")]
    Task NotificationNewAsync(NotificationNewEvent payload);

    /// <summary>The newest page of the inbox, sent once per connection after it is registered for live delivery.</summary>
    [HubMethodName("notifications:batch")]
    Task NotificationsBatchAsync(NotificationsBatchEvent payload);

    /// <summary>Read state changed, on any connection of the user.</summary>
    [HubMethodName("notifications:read")]
    Task NotificationsReadAsync(NotificationsReadEvent payload);
}
