using System.Security.Claims;

namespace Notifications.WebFront.Auth;

/// <summary>Authorization policies and the claims they read.</summary>
public static class NotificationPolicies
{
    /// <summary>A signed-in user whose <c>sub</c> claim is a valid user id.</summary>
    public const string User = "user";

    /// <summary>A service allowed to send notifications.</summary>
    public const string Sender = "sender";

    /// <summary>The permission that lets a service send.</summary>
    public const string SendScope = "notifications.send";

    /// <summary>Claim that carries the user id.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>Returns the user id of a signed-in user, or null when the principal is not a valid user.</summary>
    public static string? GetUserId(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subject = principal.FindFirstValue(SubjectClaim);
        return UserIds.IsValid(subject) ? subject : null;
    }

    /// <summary>Returns true when a <c>scope</c> or <c>scp</c> claim (space-separated) or a <c>roles</c> claim grants sending.</summary>
    public static bool CanSend(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Claims.Any(claim =>
            claim.Type switch
            {
                "scope" or "scp" => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(SendScope),
                "roles" or "role" => claim.Value == SendScope,
                _ => false,
            });
    }
}
