using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Notifications.Bench.SignalRBaseline;

/// <summary>
/// Hub with no client-callable methods: connections only receive <c>notification:new</c>.
/// </summary>
[Authorize]
public sealed class NotificationHub : Hub;
