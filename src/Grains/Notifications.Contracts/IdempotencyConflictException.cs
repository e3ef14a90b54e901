namespace Notifications;

/// <summary>Thrown when an idempotency key is reused with different notification content.</summary>
[GenerateSerializer, Alias("Notifications.IdempotencyConflictException")]
public sealed class IdempotencyConflictException : Exception
{
    /// <summary>Creates the exception for the given key.</summary>
    public IdempotencyConflictException(string idempotencyKey)
        : base($"Idempotency key '{idempotencyKey}' was already used for a different notification.")
    {
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The reused key.</summary>
    [Id(0)] public string IdempotencyKey { get; }
}
