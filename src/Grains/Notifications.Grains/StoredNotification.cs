namespace Notifications.Grains;

/// <summary>
/// A notification as stored, with the idempotency data of the send that created it. Read state is not part of it:
/// it lives in the grain's <see cref="InboxSummary"/>.
/// </summary>
public sealed record StoredNotification(Notification Notification, string? IdempotencyKey, string ContentHash);
