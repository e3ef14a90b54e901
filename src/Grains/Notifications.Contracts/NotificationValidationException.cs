namespace Notifications;

/// <summary>Thrown when a request breaks a rule of the notification model; nothing is stored.</summary>
[GenerateSerializer, Alias("Notifications.NotificationValidationException")]
public sealed class NotificationValidationException : Exception
{
    /// <summary>Creates the exception for one invalid field.</summary>
    public NotificationValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>Creates the exception for the first of several errors.</summary>
    public NotificationValidationException(IReadOnlyList<ValidationError> errors)
        : this(errors[0].Field, string.Join(" ", errors.Select(e => e.Message)))
    {
    }

    /// <summary>Name of the first invalid field, in camelCase as on the wire.</summary>
    [Id(0)] public string Field { get; }
}
