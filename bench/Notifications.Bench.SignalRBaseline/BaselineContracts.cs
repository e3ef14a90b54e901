namespace Notifications.Bench.SignalRBaseline;

/// <summary>Body of <c>POST /dev/token</c>: either a user id or a service name with scopes.</summary>
public sealed record TokenRequest(string? UserId, string? Service, IReadOnlyList<string>? Scopes);

/// <summary>Body of a send: the notification's content.</summary>
public sealed record NotificationInput(string Type, string Title, string? Body);

/// <summary>Body of <c>POST /api/notifications/bulk</c>.</summary>
public sealed record BulkSendRequest(IReadOnlyList<string> UserIds, NotificationInput Notification);

/// <summary>A notification as pushed to clients, in the WebFront's shape.</summary>
public sealed record Notification(
    string Id,
    long Seq,
    string Type,
    string Title,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt);

/// <summary>Payload of the <c>notification:new</c> event.</summary>
public sealed record NotificationEvent(Notification Notification, int UnreadCount);

/// <summary>Response of a send.</summary>
public sealed record SendReceipt(string Id, long Seq, DateTimeOffset CreatedAt);

/// <summary>One user's receipt in a bulk response.</summary>
public sealed record BulkReceipt(string UserId, string Id, long Seq, DateTimeOffset CreatedAt);
