using Microsoft.AspNetCore.SignalR;

namespace Notifications.Bench.SignalRBaseline;

/// <summary>
/// Identifies a connection's user by the token's <c>sub</c> claim, as the WebFront does.
/// </summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirst("sub")?.Value;
}
