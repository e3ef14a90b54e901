using System.Text.Json.Serialization;

namespace Notifications;

/// <summary>
/// The content of a notification to send; the grain assigns its id, seq and creation time.
/// </summary>
[GenerateSerializer, Immutable, Alias("Notifications.NotificationRequest")]
public sealed record NotificationRequest
{
    /// <summary>Type: a built-in type or one matching <see cref="NotificationRules.TypePattern"/>.</summary>
    [Id(0)] public string? Type { get; init; }

    /// <summary>Title, 1 to <see cref="NotificationRules.MaxTitleLength"/> characters, not only white space.</summary>
    [Id(1)] public string? Title { get; init; }

    /// <summary>Body, up to <see cref="NotificationRules.MaxBodyLength"/> characters.</summary>
    [Id(2)] public string? Body { get; init; }

    /// <summary>Optional site-relative path or absolute http/https URL.</summary>
    [Id(3)] public string? ActionUrl { get; init; }

    /// <summary>Optional JSON object text, up to <see cref="NotificationRules.MaxDataLength"/> characters.</summary>
    [Id(4)]
    [JsonConverter(typeof(RawJsonConverter))]
    public string? Data { get; init; }

    /// <summary>
    /// Optional key that makes the send idempotent: a repeat with the same key returns the first receipt.
    /// </summary>
    /// <remarks>The HTTP API takes it from the <c>Idempotency-Key</c> header.</remarks>
    [Id(5)] public string? IdempotencyKey { get; init; }
}
