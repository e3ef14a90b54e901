namespace Notifications;

/// <summary>Outcome of marking notifications read.</summary>
[GenerateSerializer, Immutable, Alias("Notifications.MarkReadResult")]
public sealed record MarkReadResult
{
    /// <summary>Ids that were unread before the call and are read now.</summary>
    [Id(0)] public required IReadOnlyList<string> NewlyReadIds { get; init; }

    /// <summary>Requested ids that are not in the inbox.</summary>
    [Id(1)] public required IReadOnlyList<string> UnknownIds { get; init; }

    /// <summary>The user's unread count after the call.</summary>
    [Id(2)] public required int UnreadCount { get; init; }
}
