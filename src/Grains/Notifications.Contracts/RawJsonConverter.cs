using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notifications;

/// <summary>
/// Reads any JSON value into its text and writes that text back as JSON, so free-form data travels as a string
/// inside grains and as a JSON value on the wire.
/// </summary>
public sealed class RawJsonConverter : JsonConverter<string?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteRawValue(value, skipInputValidation: false);
    }
}
