namespace Notifications;

/// <summary>One broken rule: the field, in camelCase as on the wire, and a message naming the limit.</summary>
[GenerateSerializer, Immutable, Alias("Notifications.ValidationError")]
public sealed record ValidationError([property: Id(0)] string Field, [property: Id(1)] string Message);
