using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Notifications;

/// <summary>
/// Limits and validation of the notification model. Lengths count UTF-16 code units, as .NET and JavaScript
/// string lengths do, so that clients and the server agree.
/// </summary>
public static partial class NotificationRules
{
    /// <summary>Maximum title length: 200.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Maximum body length: 2,000.</summary>
    public const int MaxBodyLength = 2_000;

    /// <summary>Maximum action URL length: 2,048.</summary>
    public const int MaxActionUrlLength = 2_048;

    /// <summary>Maximum length of the data object as compact JSON text: 8,192 (8 KiB).</summary>
    public const int MaxDataLength = 8_192;

    /// <summary>Maximum type length: 64.</summary>
    public const int MaxTypeLength = 64;

    /// <summary>Maximum idempotency key length: 128 printable ASCII characters.</summary>
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>Maximum page size of paging and sync calls: 100.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Maximum number of ids in one mark-read call: 100.</summary>
    public const int MaxMarkReadIds = 100;

    /// <summary>Maximum length of a notification id in a mark-read call: 64.</summary>
    public const int MaxNotificationIdLength = 64;

    /// <summary>Pattern that a type outside the built-in ones must match.</summary>
    public const string TypePattern = "^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$";

    /// <summary>Types that clients show with their own icon.</summary>
    public static IReadOnlyList<string> BuiltInTypes { get; } =
    [
        "order:status_changed",
        "message:received",
        "mention:comment",
        "task:assigned",
        "payment:processed",
        "system:alert",
    ];

    private static readonly SearchValues<char> PrintableAscii =
        SearchValues.Create(Enumerable.Range(0x21, 0x7E - 0x21 + 1).Select(c => (char)c).ToArray());

    [GeneratedRegex(TypePattern, RegexOptions.CultureInvariant)]
    private static partial Regex TypeRegex();

    /// <summary>
    /// Checks every field of a request and returns the broken rules; an empty list means the request is valid.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();

        if (string.IsNullOrEmpty(request.Type))
        {
            errors.Add(new("type", "The type is required."));
        }
        else if (request.Type.Length > MaxTypeLength || !TypeRegex().IsMatch(request.Type))
        {
            errors.Add(new("type", $"The type must match {TypePattern} and have at most {MaxTypeLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add(new("title", "The title is required and must not be only white space."));
        }
        else if (request.Title.Length > MaxTitleLength)
        {
            errors.Add(new("title", $"The title must have at most {MaxTitleLength} characters."));
        }

        if (request.Body is { Length: > MaxBodyLength })
        {
            errors.Add(new("body", $"The body must have at most {MaxBodyLength} characters."));
        }

        if (request.ActionUrl is not null)
        {
            if (request.ActionUrl.Length > MaxActionUrlLength)
            {
                errors.Add(new("actionUrl", $"The action URL must have at most {MaxActionUrlLength} characters."));
            }
            else if (!IsSafeActionUrl(request.ActionUrl))
            {
                errors.Add(new(
                    "actionUrl",
                    "The action URL must be a site-relative path such as /orders/7 or an absolute http or https URL."));
            }
        }

        if (request.Data is not null && !TryNormalizeData(request.Data, out _, out var dataError))
        {
            errors.Add(new("data", dataError));
        }

        if (request.IdempotencyKey is not null && !IsValidIdempotencyKey(request.IdempotencyKey))
        {
            errors.Add(new(
                "idempotencyKey",
                $"The idempotency key must have 1 to {MaxIdempotencyKeyLength} printable ASCII characters."));
        }

        return errors;
    }

    /// <summary>
    /// Returns true for a site-relative path (starting with one slash, not <c>//</c> or <c>/\</c>) or an absolute
    /// http or https URL with a host.
    /// </summary>
    public static bool IsSafeActionUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Length == 0 || url.Any(char.IsControl) || url.Any(char.IsWhiteSpace))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host)
            && !url.Contains('\\', StringComparison.Ordinal);
    }

    /// <summary>
    /// Parses data text and returns it as compact JSON, or an error when it is not a JSON object within
    /// <see cref="MaxDataLength"/>.
    /// </summary>
    public static bool TryNormalizeData(string data, out string normalized, out string error)
    {
        ArgumentNullException.ThrowIfNull(data);
        normalized = string.Empty;
        error = string.Empty;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            error = "The data must be a JSON object.";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "The data must be a JSON object.";
                return false;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                document.RootElement.WriteTo(writer);
            }

            normalized = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        if (normalized.Length > MaxDataLength)
        {
            error = $"The data must have at most {MaxDataLength} characters as compact JSON.";
            normalized = string.Empty;
            return false;
        }

        return true;
    }

    /// <summary>Returns true for a key of 1 to <see cref="MaxIdempotencyKeyLength"/> printable ASCII characters.</summary>
    public static bool IsValidIdempotencyKey(string key) =>
        key.Length is > 0 and <= MaxIdempotencyKeyLength && !key.AsSpan().ContainsAnyExcept(PrintableAscii);

    /// <summary>Returns an error message when a page limit is outside 1 to <see cref="MaxPageSize"/>.</summary>
    public static string? ValidateLimit(int limit) =>
        limit is < 1 or > MaxPageSize ? $"The limit must be between 1 and {MaxPageSize}." : null;

    /// <summary>Returns the broken rules of a mark-read request.</summary>
    public static IReadOnlyList<ValidationError> ValidateIds(IReadOnlyList<string>? ids)
    {
        if (ids is null)
        {
            return [new("ids", "The ids are required.")];
        }

        if (ids.Count > MaxMarkReadIds)
        {
            return [new("ids", $"At most {MaxMarkReadIds} ids can be marked read in one call.")];
        }

        if (ids.Any(id => string.IsNullOrEmpty(id) || id.Length > MaxNotificationIdLength))
        {
            return [new("ids", $"Every id must have 1 to {MaxNotificationIdLength} characters.")];
        }

        return [];
    }
}
