using Microsoft.AspNetCore.SignalR;

namespace Notifications.WebFront.Auth;

/// <summary>Makes the token's <c>sub</c> claim the SignalR user id of a connection.</summary>
internal sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => NotificationPolicies.GetUserId(connection.User);
}
