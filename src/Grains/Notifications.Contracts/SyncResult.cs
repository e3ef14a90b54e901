namespace Notifications;

/// <summary>Notifications newer than a client's last seen seq, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("Notifications.SyncResult")]
public sealed record SyncResult
{
    /// <summary>Notifications with a seq above the requested one, oldest first.</summary>
    [Id(0)] public required IReadOnlyList<Notification> Notifications { get; init; }

    /// <summary>The user's unread count when the call ran.</summary>
    [Id(1)] public required int UnreadCount { get; init; }

    /// <summary>The user's highest seq when the call ran.</summary>
    [Id(2)] public required long LastSeq { get; init; }

    /// <summary>True when newer notifications exist beyond this batch.</summary>
    [Id(3)] public required bool HasMore { get; init; }
}
