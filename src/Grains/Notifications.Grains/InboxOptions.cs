using System.ComponentModel.DataAnnotations;

namespace Notifications.Grains;

/// <summary>Settings of every user's inbox, bound from the <c>Inbox</c> configuration section.</summary>
public sealed class InboxOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Inbox";

    /// <summary>Number of notifications an inbox keeps; older ones are evicted, read ones first. Default 1,000.</summary>
    [Range(1, 10_000, ErrorMessage = "Inbox:MaxInboxSize must be from 1 to 10000.")]
    public int MaxInboxSize { get; set; } = 1_000;

    /// <summary>
    /// Time after which an observer subscription lapses unless renewed. Default 2 minutes; frontends renew at
    /// a fraction of it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Inbox:ObserverExpiry must be from 00:00:05 to 01:00:00.")]
    public TimeSpan ObserverExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Where notification rows live: <see cref="InboxStorageKind.AzureTable"/> (default) or
    /// <see cref="InboxStorageKind.Memory"/>, which loses everything on restart and serves tests and benchmarks.
    /// </summary>
    public InboxStorageKind Storage { get; set; } = InboxStorageKind.AzureTable;
}
