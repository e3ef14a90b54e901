using System.Collections.Concurrent;

namespace Notifications.Grains;

/// <summary>
/// Keeps notification rows in process memory. Everything is lost on restart: for tests of grain logic and for
/// benchmarks that separate Orleans cost from storage cost.
/// </summary>
public sealed class InMemoryNotificationStore : INotificationStore
{
    private readonly ConcurrentDictionary<string, SortedList<long, StoredNotification>> _partitions = new();

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredNotification>> LoadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var partition = _partitions.GetOrAdd(userId, _ => []);
        lock (partition)
        {
            return Task.FromResult<IReadOnlyList<StoredNotification>>([.. partition.Values]);
        }
    }

    /// <inheritdoc />
    public Task AppendAsync(
        string userId,
        StoredNotification added,
        IReadOnlyCollection<long> evictedSeqs,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(evictedSeqs);
        var partition = _partitions.GetOrAdd(userId, _ => []);
        lock (partition)
        {
            if (!partition.TryAdd(added.Notification.Seq, added))
            {
                throw new InvalidOperationException(
                    $"Seq {added.Notification.Seq} of user '{userId}' is already stored.");
            }

            foreach (var seq in evictedSeqs)
            {
                partition.Remove(seq);
            }
        }

        return Task.CompletedTask;
    }
}
