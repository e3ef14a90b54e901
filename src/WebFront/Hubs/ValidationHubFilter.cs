using Microsoft.AspNetCore.SignalR;

namespace Notifications.WebFront.Hubs;

/// <summary>Turns validation failures into hub errors that name the field and the limit.</summary>
internal sealed class ValidationHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (NotificationValidationException exception)
        {
            // HubException messages reach the client; other exception messages are hidden from it.
            throw new HubException($"Invalid {exception.Field}: {exception.Message}");
        }
    }
}
