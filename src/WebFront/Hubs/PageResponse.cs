namespace Notifications.WebFront.Hubs;

/// <summary>A page of the inbox, newest first, as the hub and the HTTP API return it.</summary>
public sealed record PageResponse(IReadOnlyList<Notification> Notifications, int UnreadCount, bool HasMore);
