using System.Globalization;
using Microsoft.AspNetCore.SignalR;

namespace Notifications.Bench.SignalRBaseline;

public static class BaselineEndpoints
{
    /// <summary>Authorization policy of the send endpoints: the token's scope contains notifications.send.</summary>
    public const string SendPolicy = "notifications.send";

    private const int MaxBulkUsers = 10_000;

    // Stands in for a per-user sequence without storing anything per user.
    private static long s_lastSeq;

    /// <summary>Maps the WebFront's token, send and readiness endpoints.</summary>
    public static IEndpointRouteBuilder MapBaselineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/ready", () => Results.Ok());
        endpoints.MapPost("/dev/token", IssueToken);
        endpoints.MapPost("/api/users/{userId}/notifications", SendAsync).RequireAuthorization(SendPolicy);
        endpoints.MapPost("/api/notifications/bulk", SendBulkAsync).RequireAuthorization(SendPolicy);
        return endpoints;
    }

    private static IResult IssueToken(TokenRequest request, DevTokenIssuer issuer)
    {
        if (!string.IsNullOrWhiteSpace(request.UserId))
        {
            return Results.Ok(new { token = issuer.Issue(request.UserId, scope: null) });
        }

        if (!string.IsNullOrWhiteSpace(request.Service))
        {
            var scope = string.Join(' ', request.Scopes ?? []);
            return Results.Ok(new { token = issuer.Issue("service:" + request.Service, scope) });
        }

        return Results.Problem("Either userId or service is required.", statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SendAsync(
        string userId, NotificationInput input, IHubContext<NotificationHub> hub, CancellationToken cancellationToken)
    {
        if (!IsValid(input))
        {
            return Results.Problem("title must be 1-200 characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        var receipt = await PushAsync(userId, input, hub, cancellationToken);
        return Results.Created($"/api/notifications/{receipt.Id}", receipt);
    }

    private static async Task<IResult> SendBulkAsync(
        BulkSendRequest request, IHubContext<NotificationHub> hub, CancellationToken cancellationToken)
    {
        if (request.UserIds.Count > MaxBulkUsers || !IsValid(request.Notification))
        {
            return Results.Problem(
                $"userIds must hold at most {MaxBulkUsers} users and title must be 1-200 characters.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var receipts = new List<BulkReceipt>(request.UserIds.Count);
        foreach (var userId in request.UserIds)
        {
            var receipt = await PushAsync(userId, request.Notification, hub, cancellationToken);
            receipts.Add(new BulkReceipt(userId, receipt.Id, receipt.Seq, receipt.CreatedAt));
        }

        return Results.Ok(new { receipts });
    }

    private static async Task<SendReceipt> PushAsync(
        string userId, NotificationInput input, IHubContext<NotificationHub> hub, CancellationToken cancellationToken)
    {
        var seq = Interlocked.Increment(ref s_lastSeq);
        var notification = new Notification(
            Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
            seq,
            input.Type,
            input.Title,
            input.Body ?? string.Empty,
            DateTimeOffset.UtcNow,
            ReadAt: null);

        await hub.Clients.User(userId).SendAsync(
            "notification:new", new NotificationEvent(notification, UnreadCount: 1), cancellationToken);

        return new SendReceipt(notification.Id, notification.Seq, notification.CreatedAt);
    }

    private static bool IsValid(NotificationInput input) =>
        !string.IsNullOrWhiteSpace(input.Title) && input.Title.Length <= 200 && (input.Body?.Length ?? 0) <= 2_000;
}
