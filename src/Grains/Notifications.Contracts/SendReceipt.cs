using System.Text.Json.Serialization;

namespace Notifications;

/// <summary>Proof that a notification is stored.</summary>
[GenerateSerializer, Immutable, Alias("Notifications.SendReceipt")]
public sealed record SendReceipt
{
    /// <summary>Identifier of the stored notification.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Sequence number of the stored notification.</summary>
    [Id(1)] public required long Seq { get; init; }

    /// <summary>Time the notification was stored (UTC).</summary>
    [Id(2)] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>False when an earlier send with the same idempotency key stored it.</summary>
    [Id(3)]
    [JsonIgnore]
    public bool Created { get; init; }
}
