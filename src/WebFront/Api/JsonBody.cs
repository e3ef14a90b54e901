using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Notifications.WebFront.Api;

/// <summary>Reads a JSON request body and reports malformed JSON as a validation problem that names the path.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(
                detail: "The request body must be JSON with Content-Type application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null
                ? (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["The request body is required."] }))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
            return (null, Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [path] = [$"The JSON at {path} is invalid or of the wrong type."],
            }));
        }
    }
}
