namespace Notifications.Bench.Clients;

/// <summary>The fields of a pushed notification that the harness reads.</summary>
public sealed record NotificationMessage(string Id, long Seq, string Title);

/// <summary>Payload of the <c>notification:new</c> hub event.</summary>
public sealed record NotificationEventMessage(NotificationMessage Notification, int UnreadCount);

/// <summary>Result of the hub's <c>Sync(afterSeq, limit)</c>.</summary>
public sealed record SyncResultMessage(
    IReadOnlyList<NotificationMessage> Notifications, int UnreadCount, long LastSeq, bool HasMore);
