using System.ComponentModel.DataAnnotations;

namespace Notifications.WebFront.Auth;

/// <summary>Bearer token settings, bound from the <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Auth";

    /// <summary>Minimum signing key length in bytes (256 bits, as HMAC-SHA256 requires).</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>Expected token issuer. Default <c>notifications-dev</c>.</summary>
    [Required(ErrorMessage = "Auth:Issuer is required.")]
    public string Issuer { get; set; } = "notifications-dev";

    /// <summary>Expected token audience. Default <c>notifications</c>.</summary>
    [Required(ErrorMessage = "Auth:Audience is required.")]
    public string Audience { get; set; } = "notifications";

    /// <summary>
    /// Symmetric HMAC-SHA256 key, at least 32 bytes of UTF-8. Set it from an environment variable or a secret
    /// store; only the Development settings file carries one.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>OpenID Connect authority whose published keys sign tokens; used instead of a signing key.</summary>
    public string? Authority { get; set; }

    /// <summary>Lifetime of tokens issued by the development token endpoint. Default 12 hours.</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(Authority) && string.IsNullOrEmpty(SigningKey))
        {
            yield return new ValidationResult(
                "Auth:SigningKey or Auth:Authority is required: set Auth__SigningKey in the environment.",
                [nameof(SigningKey)]);
        }
        else if (!string.IsNullOrEmpty(SigningKey) && System.Text.Encoding.UTF8.GetByteCount(SigningKey) < MinSigningKeyBytes)
        {
            yield return new ValidationResult(
                $"Auth:SigningKey must have at least {MinSigningKeyBytes} bytes.",
                [nameof(SigningKey)]);
        }
    }
}
