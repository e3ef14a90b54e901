using Microsoft.AspNetCore.Mvc;
using Notifications.WebFront.Auth;

namespace Notifications.WebFront.Api;

/// <summary>HTTP endpoints through which authorised services send notifications.</summary>
public static class SendEndpoints
{
    /// <summary>Maximum number of users in one bulk send: 10,000.</summary>
    public const int MaxBulkUsers = 10_000;

    /// <summary>Maximum concurrent grain calls of one bulk send.</summary>
    private const int BulkParallelism = 64;

    /// <summary>The response of a single send.</summary>
    public sealed record SendResponse(string Id, long Seq, DateTimeOffset CreatedAt);

    /// <summary>One notification to many users.</summary>
    public sealed record BulkSendRequest(IReadOnlyList<string>? UserIds, NotificationRequest? Notification);

    /// <summary>The outcome for one user of a bulk send: a receipt, or an error.</summary>
    public sealed record BulkSendResult(string UserId, string? Id, long? Seq, DateTimeOffset? CreatedAt, bool? Created, string? Error);

    /// <summary>The outcome of a bulk send, one result per user in request order.</summary>
    public sealed record BulkSendResponse(IReadOnlyList<BulkSendResult> Results, int Succeeded, int Failed);

    /// <summary>Maps the send endpoints.</summary>
    public static IEndpointRouteBuilder MapSendEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/users/{userId}/notifications", SendAsync)
            .RequireAuthorization(NotificationPolicies.Sender)
            .WithMetadata(new RequestSizeLimitAttribute(64 * 1024))
            .WithTags("Send")
            .WithSummary("Stores a notification for a user and delivers it to the user's open connections.")
            .Accepts<NotificationRequest>("application/json")
            .Produces<SendResponse>(StatusCodes.Status201Created)
            .Produces<SendResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        endpoints.MapPost("/api/notifications/bulk", BulkSendAsync)
            .RequireAuthorization(NotificationPolicies.Sender)
            .WithMetadata(new RequestSizeLimitAttribute(2 * 1024 * 1024))
            .WithTags("Send")
            .WithSummary("Sends one notification to up to 10,000 users.")
            .Accepts<BulkSendRequest>("application/json")
            .Produces<BulkSendResponse>()
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<IResult> SendAsync(
        string userId,
        HttpRequest request,
        IClusterClient cluster,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        if (!UserIds.IsValid(userId))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["userId"] = [UserIds.Rule] });
        }

        var (notification, error) = await JsonBody.ReadAsync<NotificationRequest>(request, request.HttpContext.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        var toSend = idempotencyKey is null ? notification! : notification! with { IdempotencyKey = idempotencyKey };
        var errors = NotificationRules.Validate(toSend);
        if (errors.Count > 0)
        {
            return ValidationProblem(errors);
        }

        var receipt = await cluster.GetGrain<IUserNotificationGrain>(userId).SendAsync(toSend);
        var response = new SendResponse(receipt.Id, receipt.Seq, receipt.CreatedAt);
        return receipt.Created
            ? Results.Json(response, statusCode: StatusCodes.Status201Created)
            : Results.Ok(response);
    }

    private static async Task<IResult> BulkSendAsync(
        HttpRequest request,
        IClusterClient cluster,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var (body, error) = await JsonBody.ReadAsync<BulkSendRequest>(request, request.HttpContext.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        if (body!.UserIds is not { Count: > 0 and <= MaxBulkUsers } userIds)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userIds"] = [$"Give 1 to {MaxBulkUsers} user ids."],
            });
        }

        var invalid = userIds.Select((id, index) => (id, index)).Where(pair => !UserIds.IsValid(pair.id)).ToList();
        if (invalid.Count > 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [$"userIds[{invalid[0].index}]"] = [UserIds.Rule],
            });
        }

        if (body.Notification is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["notification"] = ["The notification is required."] });
        }

        var toSend = idempotencyKey is null ? body.Notification : body.Notification with { IdempotencyKey = idempotencyKey };
        var errors = NotificationRules.Validate(toSend);
        if (errors.Count > 0)
        {
            return ValidationProblem(errors, "notification.");
        }

        var distinctUsers = userIds.Distinct(StringComparer.Ordinal).ToArray();
        var results = new BulkSendResult[distinctUsers.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, distinctUsers.Length),
            new ParallelOptions { MaxDegreeOfParallelism = BulkParallelism, CancellationToken = request.HttpContext.RequestAborted },
            async (index, _) =>
            {
                var userId = distinctUsers[index];
                try
                {
                    var receipt = await cluster.GetGrain<IUserNotificationGrain>(userId).SendAsync(toSend);
                    results[index] = new BulkSendResult(userId, receipt.Id, receipt.Seq, receipt.CreatedAt, receipt.Created, null);
                }
                catch (IdempotencyConflictException conflict)
                {
                    results[index] = new BulkSendResult(userId, null, null, null, null, conflict.Message);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Other users' sends go on; this one can be retried with the same Idempotency-Key.
                    results[index] = new BulkSendResult(
                        userId, null, null, null, null, $"Sending failed ({exception.GetType().Name}); retry with the same Idempotency-Key.");
                }
            });

        var failed = results.Count(result => result.Error is not null);
        return Results.Ok(new BulkSendResponse(results, results.Length - failed, failed));
    }

    private static IResult ValidationProblem(IReadOnlyList<ValidationError> errors, string prefix = "") =>
        Results.ValidationProblem(errors
            .GroupBy(e => prefix + e.Field)
            .ToDictionary(group => group.Key, group => group.Select(e => e.Message).ToArray()));
}
