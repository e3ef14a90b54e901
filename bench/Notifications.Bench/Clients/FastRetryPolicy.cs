using Microsoft.AspNetCore.SignalR.Client;

namespace Notifications.Bench.Clients;

/// <summary>
/// Reconnects every 250-750 ms (random, so that a thousand clients do not retry in lockstep) for up to two minutes,
/// like a client with a short fixed backoff.
/// </summary>
public sealed class FastRetryPolicy : IRetryPolicy
{
    private static readonly TimeSpan s_giveUpAfter = TimeSpan.FromMinutes(2);

    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        if (retryContext.ElapsedTime > s_giveUpAfter)
        {
            return null;
        }

#pragma warning disable CA5394 // Jitter for retry timing, not security.
        return TimeSpan.FromMilliseconds(250 + Random.Shared.Next(500));
#pragma warning restore CA5394
    }
}
