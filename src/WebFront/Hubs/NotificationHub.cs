using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Notifications.WebFront.Auth;
using Notifications.WebFront.Observers;

namespace Notifications.WebFront.Hubs;

/// <summary>
/// The browser-facing hub at <c>/hubs/notifications</c>. Live events come from the grain through this frontend's
/// observer (<see cref="NotificationRelay"/>); the methods here read and change the caller's own inbox only.
/// </summary>
[Authorize(Policy = NotificationPolicies.User)]
public sealed partial class NotificationHub(
    IClusterClient cluster,
    ObserverRegistry observers,
    ILogger<NotificationHub> logger) : Hub<INotificationClient>
{
    /// <summary>Size of the page sent in <c>notifications:batch</c>.</summary>
    public const int BatchSize = 20;

    /// <summary>Returns the name of the SignalR group that contains a user's connections on this frontend.</summary>
    public static string UserGroup(string userId) => "user:" + userId;

    // Marks a connection counted in the observer registry; UnregisterAsync removes the mark and the count together.
    private const string RegisteredKey = "notifications.registered";

    private string UserId => Context.UserIdentifier
        ?? throw new HubException("The connection has no valid user id.");

    private IUserNotificationGrain Grain => cluster.GetGrain<IUserNotificationGrain>(UserId);

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        // Subscribe first, then read the page: anything stored after the page was read arrives live, so the client
        // misses nothing between the two (it may see one notification twice and drops it by id).
        try
        {
            // SignalR removes the connection from its groups when it closes.
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(UserId));
            await observers.AddConnectionAsync(UserId);
            Context.Items[RegisteredKey] = true;
        }
        catch (Exception exception)
        {
            // Throwing here would close the connection with a message that forbids reconnecting. Aborting drops the
            // transport instead, so the client reconnects with its backoff, for example after a burst of connects
            // overloaded the grains' storage.
            Log.RegistrationFailed(logger, UserId, Context.ConnectionId, exception);
            Context.Abort();
            return;
        }

        try
        {
            var page = await Grain.GetPageAsync(0, BatchSize);
            await Clients.Caller.NotificationsBatchAsync(
                new NotificationsBatchEvent(page.Notifications, page.UnreadCount, page.LastSeq, page.HasMore));
        }
        catch (Exception exception)
        {
            Log.RegistrationFailed(logger, UserId, Context.ConnectionId, exception);
            await UnregisterAsync();
            Context.Abort();
        }
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception) => UnregisterAsync();

    /// <summary>Returns the notifications with a seq above <paramref name="afterSeq"/>, oldest first.</summary>
    public Task<SyncResult> Sync(long afterSeq, int limit) => Grain.SyncAsync(afterSeq, limit);

    /// <summary>Returns the notifications with a seq below <paramref name="beforeSeq"/>, newest first; 0 means from the newest.</summary>
    public async Task<PageResponse> GetPage(long beforeSeq, int limit)
    {
        var page = await Grain.GetPageAsync(beforeSeq, limit);
        return new PageResponse(page.Notifications, page.UnreadCount, page.HasMore);
    }

    /// <summary>Marks notifications read and returns the new unread count.</summary>
    public async Task<int> MarkRead(string[] ids)
    {
        var result = await Grain.MarkReadAsync(ids);
        return result.UnreadCount;
    }

    /// <summary>Marks every notification up to <paramref name="upToSeq"/> read and returns the new unread count.</summary>
    public Task<int> MarkAllRead(long upToSeq) => Grain.MarkAllReadAsync(upToSeq);

    private async Task UnregisterAsync()
    {
        if (Context.Items.Remove(RegisteredKey) && Context.UserIdentifier is { } userId)
        {
            await observers.RemoveConnectionAsync(userId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2000, LogLevel.Warning, "Registering connection {ConnectionId} of user {UserId} failed; the connection is dropped so that the client reconnects")]
        public static partial void RegistrationFailed(ILogger logger, string userId, string connectionId, Exception exception);
    }
}
