using System.Text.Json.Serialization;

namespace Notifications;

/// <summary>
/// A notification stored in a user's inbox, as grains, the hub and the HTTP API exchange it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Notifications.Notification")]
public sealed record Notification
{
    /// <summary>Identifier, unique within the user's inbox.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Position in the user's inbox: 1, 2, 3, ... with no gaps.</summary>
    [Id(1)] public required long Seq { get; init; }

    /// <summary>Type such as <c>order:status_changed</c>; decides the icon a client shows.</summary>
    [Id(2)] public required string Type { get; init; }

    /// <summary>Title shown in toasts and the inbox.</summary>
    [Id(3)] public required string Title { get; init; }

    /// <summary>Body text; empty when the sender gave none.</summary>
    [Id(4)] public string Body { get; init; } = string.Empty;

    /// <summary>Site-relative path or absolute http/https URL that a click opens, or null.</summary>
    [Id(5)] public string? ActionUrl { get; init; }

    /// <summary>JSON object text with sender-defined data, or null. Written to JSON as an object.</summary>
    [Id(6)]
    [JsonConverter(typeof(RawJsonConverter))]
    public string? Data { get; init; }

    /// <summary>Time the notification was stored (UTC).</summary>
    [Id(7)] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Time the user read it (UTC), or null while unread.</summary>
    [Id(8)] public DateTimeOffset? ReadAt { get; init; }
}
