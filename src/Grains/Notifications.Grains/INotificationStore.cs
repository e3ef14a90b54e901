namespace Notifications.Grains;

/// <summary>Rows of users' inboxes, one row per notification, partitioned by user.</summary>
public interface INotificationStore
{
    /// <summary>Reads every stored notification of a user, in ascending seq order.</summary>
    Task<IReadOnlyList<StoredNotification>> LoadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new notification and deletes evicted ones in one atomic write where the store supports it.
    /// Returns after the new notification is durable.
    /// </summary>
    Task AppendAsync(
        string userId,
        StoredNotification added,
        IReadOnlyCollection<long> evictedSeqs,
        CancellationToken cancellationToken = default);
}
