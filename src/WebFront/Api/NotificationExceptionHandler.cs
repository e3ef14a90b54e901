using Microsoft.AspNetCore.Diagnostics;

namespace Notifications.WebFront.Api;

/// <summary>Maps grain validation and idempotency errors to RFC 7807 problem details.</summary>
internal sealed class NotificationExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            NotificationValidationException validation => Results.ValidationProblem(
                new Dictionary<string, string[]> { [validation.Field] = [validation.Message] }),
            IdempotencyConflictException conflict => Results.Problem(
                title: "Idempotency key reused",
                detail: conflict.Message,
                statusCode: StatusCodes.Status409Conflict),
            _ => null,
        };

        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }
}
