using System.Security.Claims;
using Notifications.WebFront.Auth;
using Notifications.WebFront.Hubs;

namespace Notifications.WebFront.Api;

/// <summary>HTTP endpoints through which a signed-in user reads and changes their own inbox.</summary>
public static class InboxEndpoints
{
    /// <summary>Default page size of <c>GET /api/notifications</c>.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The optional body of <c>POST /api/notifications/read-all</c>.</summary>
    public sealed record ReadAllRequest(long? UpToSeq);

    /// <summary>The unread count after a change.</summary>
    public sealed record UnreadCountResponse(int UnreadCount);

    /// <summary>Maps the inbox endpoints under <c>/api/notifications</c>.</summary>
    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/notifications")
            .RequireAuthorization(NotificationPolicies.User)
            .WithTags("Inbox");

        group.MapGet("/", GetPageAsync)
            .WithSummary("Lists the caller's notifications, newest first.");
        group.MapGet("/unread-count", GetUnreadCountAsync)
            .WithSummary("Returns the caller's unread count.");
        group.MapPost("/{id}/read", MarkReadAsync)
            .WithSummary("Marks one notification read.");
        group.MapPost("/read-all", MarkAllReadAsync)
            .WithSummary("Marks every notification up to a seq read; without a body, all of them.");
        return endpoints;
    }

    private static IUserNotificationGrain Grain(IClusterClient cluster, ClaimsPrincipal user) =>
        cluster.GetGrain<IUserNotificationGrain>(NotificationPolicies.GetUserId(user)!);

    private static async Task<IResult> GetPageAsync(ClaimsPrincipal user, IClusterClient cluster, long? before, int? limit)
    {
        var page = await Grain(cluster, user).GetPageAsync(before ?? 0, limit ?? DefaultLimit);
        return Results.Ok(new PageResponse(page.Notifications, page.UnreadCount, page.HasMore));
    }

    private static async Task<IResult> GetUnreadCountAsync(ClaimsPrincipal user, IClusterClient cluster) =>
        Results.Ok(new UnreadCountResponse(await Grain(cluster, user).GetUnreadCountAsync()));

    private static async Task<IResult> MarkReadAsync(string id, ClaimsPrincipal user, IClusterClient cluster)
    {
        var result = await Grain(cluster, user).MarkReadAsync([id]);
        return result.UnknownIds.Count > 0
            ? Results.Problem(detail: $"Notification '{id}' is not in the inbox.", statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(new UnreadCountResponse(result.UnreadCount));
    }

    private static async Task<IResult> MarkAllReadAsync(HttpRequest request, ClaimsPrincipal user, IClusterClient cluster)
    {
        long upToSeq = long.MaxValue;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (body, error) = await JsonBody.ReadAsync<ReadAllRequest>(request, request.HttpContext.RequestAborted);
            if (error is not null)
            {
                return error;
            }

            upToSeq = body!.UpToSeq ?? long.MaxValue;
        }

        return Results.Ok(new UnreadCountResponse(await Grain(cluster, user).MarkAllReadAsync(upToSeq)));
    }
}
