using System.Buffers;

namespace Notifications;

/// <summary>
/// Rules for user ids, which are grain keys and storage partition keys: 1 to 128 characters of letters, digits,
/// '.', '_', '-' and '@'.
/// </summary>
public static class UserIds
{
    /// <summary>Maximum user id length: 128.</summary>
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@");

    /// <summary>Returns true when <paramref name="userId"/> follows the rules.</summary>
    public static bool IsValid(string? userId) =>
        userId is { Length: > 0 and <= MaxLength } && !userId.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>The message that explains the rules, for errors.</summary>
    public const string Rule =
        "A user id must have 1 to 128 characters: letters, digits, '.', '_', '-' or '@'.";
}
