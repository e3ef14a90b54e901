namespace Notifications.Grains;

/// <summary>Storage kinds for inbox data.</summary>
public enum InboxStorageKind
{
    /// <summary>Azure Table storage: durable.</summary>
    AzureTable,

    /// <summary>Process memory: lost on restart; for tests of grain logic and benchmarks.</summary>
    Memory,
}
