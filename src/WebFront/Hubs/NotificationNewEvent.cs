namespace Notifications.WebFront.Hubs;

/// <summary>Payload of <c>notification:new</c>.</summary>
public sealed record NotificationNewEvent(Notification Notification, int UnreadCount);
