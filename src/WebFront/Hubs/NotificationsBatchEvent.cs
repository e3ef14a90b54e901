namespace Notifications.WebFront.Hubs;

/// <summary>Payload of <c>notifications:batch</c>: the newest page, newest first.</summary>
public sealed record NotificationsBatchEvent(
    IReadOnlyList<Notification> Notifications,
    int UnreadCount,
    long LastSeq,
    bool HasMore);
