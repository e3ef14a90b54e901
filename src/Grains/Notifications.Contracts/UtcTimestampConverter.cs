using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notifications;

/// <summary>
/// Writes timestamps as UTC ISO 8601 with a <c>Z</c> suffix and millisecond precision, such as
/// <c>2026-12-04T15:57:21.830Z</c>, and reads any ISO 8601 timestamp.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
