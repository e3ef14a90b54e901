namespace Notifications.WebFront.Hubs;

/// <summary>
/// Payload of <c>notifications:read</c>: <see cref="Ids"/> after a mark read (with a null
/// <see cref="UpToSeq"/>), or an empty list and <see cref="UpToSeq"/> after a mark all read.
/// </summary>
public sealed record NotificationsReadEvent(IReadOnlyList<string> Ids, long? UpToSeq, int UnreadCount);
