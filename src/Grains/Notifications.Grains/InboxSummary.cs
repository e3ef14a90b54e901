namespace Notifications.Grains;

/// <summary>
/// The small part of an inbox kept in grain state: the highest seq issued, read times by seq and the subscribed
/// observers. Notification rows are stored apart, so a send never rewrites this state.
/// </summary>
[GenerateSerializer, Alias("Notifications.Grains.InboxSummary")]
public sealed class InboxSummary
{
    /// <summary>Highest seq known when the summary was last written.</summary>
    [Id(0)] public long LastSeq { get; set; }

    /// <summary>Read time of each read notification that is still retained, by seq.</summary>
    [Id(1)] public Dictionary<long, DateTimeOffset> ReadAt { get; set; } = [];

    /// <summary>
    /// Observers subscribed when the summary was last written. A new activation, such as one that replaces an
    /// activation lost with its silo, restores them so that live delivery goes on before the frontends renew.
    /// </summary>
    [Id(2)] public List<INotificationObserver> Observers { get; set; } = [];
}
