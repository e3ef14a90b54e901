namespace Notifications.Grains;

/// <summary>
/// The small part of an inbox kept in grain state: the highest seq issued and read times by seq.
/// Notification rows are stored apart, so a send never rewrites this state.
/// </summary>
[GenerateSerializer, Alias("Notifications.Grains.InboxSummary")]
public sealed class InboxSummary
{
    /// <summary>Highest seq known when the summary was last written.</summary>
    [Id(0)] public long LastSeq { get; set; }

    /// <summary>Read time of each read notification that is still retained, by seq.</summary>
    [Id(1)] public Dictionary<long, DateTimeOffset> ReadAt { get; set; } = [];
}
