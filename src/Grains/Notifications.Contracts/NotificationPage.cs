namespace Notifications;

/// <summary>A page of the inbox, newest first.</summary>
[GenerateSerializer, Immutable, Alias("Notifications.NotificationPage")]
public sealed record NotificationPage
{
    /// <summary>Notifications, newest first.</summary>
    [Id(0)] public required IReadOnlyList<Notification> Notifications { get; init; }

    /// <summary>The user's unread count when the page was read.</summary>
    [Id(1)] public required int UnreadCount { get; init; }

    /// <summary>True when older notifications exist beyond this page.</summary>
    [Id(2)] public required bool HasMore { get; init; }

    /// <summary>The user's highest seq when the page was read.</summary>
    [Id(3)] public required long LastSeq { get; init; }
}
