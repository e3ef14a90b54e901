namespace Notifications.Grains;

/// <summary>
/// The in-memory view of one user's retained notifications, ordered by seq, with lookups by id and idempotency key.
/// Not thread-safe: the owning grain runs one call at a time.
/// </summary>
internal sealed class Inbox
{
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _byIdempotencyKey = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public long LastSeq { get; private set; }

    public int UnreadCount { get; private set; }

    public void Load(IReadOnlyList<StoredNotification> rows, InboxSummary summary)
    {
        _entries.Clear();
        _byId.Clear();
        _byIdempotencyKey.Clear();
        UnreadCount = 0;
        LastSeq = summary.LastSeq;

        foreach (var row in rows)
        {
            var readAt = summary.ReadAt.TryGetValue(row.Notification.Seq, out var at) ? at : (DateTimeOffset?)null;
            Add(new Entry(row with { Notification = row.Notification with { ReadAt = readAt } }));
        }
    }

    public bool TryGetByIdempotencyKey(string key, out StoredNotification stored)
    {
        if (_byIdempotencyKey.TryGetValue(key, out var entry))
        {
            stored = entry.Stored;
            return true;
        }

        stored = null!;
        return false;
    }

    /// <summary>Returns the seqs to evict so that at most <paramref name="keep"/> remain: read ones first, oldest first.</summary>
    public IReadOnlyCollection<long> ChooseEvictions(int keep)
    {
        var excess = _entries.Count - keep;
        if (excess <= 0)
        {
            return [];
        }

        var victims = new List<long>(excess);
        foreach (var entry in _entries)
        {
            if (victims.Count == excess)
            {
                break;
            }

            if (entry.Stored.Notification.ReadAt is not null)
            {
                victims.Add(entry.Seq);
            }
        }

        foreach (var entry in _entries)
        {
            if (victims.Count == excess)
            {
                break;
            }

            if (entry.Stored.Notification.ReadAt is null)
            {
                victims.Add(entry.Seq);
            }
        }

        return victims;
    }

    public void Append(StoredNotification stored, IReadOnlyCollection<long> evictedSeqs)
    {
        if (evictedSeqs.Count > 0)
        {
            var evicted = evictedSeqs.ToHashSet();
            foreach (var entry in _entries.Where(e => evicted.Contains(e.Seq)))
            {
                _byId.Remove(entry.Stored.Notification.Id);
                if (entry.Stored.IdempotencyKey is { } key)
                {
                    _byIdempotencyKey.Remove(key);
                }

                if (entry.Stored.Notification.ReadAt is null)
                {
                    UnreadCount--;
                }
            }

            _entries.RemoveAll(e => evicted.Contains(e.Seq));
        }

        Add(new Entry(stored));
    }

    public (IReadOnlyList<Notification> Items, bool HasMore) PageBefore(long beforeSeq, int limit)
    {
        var end = beforeSeq == 0 ? _entries.Count : FirstIndexAtOrAbove(beforeSeq);
        var start = Math.Max(0, end - limit);
        var items = new List<Notification>(end - start);
        for (var i = end - 1; i >= start; i--)
        {
            items.Add(_entries[i].Stored.Notification);
        }

        return (items, start > 0);
    }

    public (IReadOnlyList<Notification> Items, bool HasMore) PageAfter(long afterSeq, int limit)
    {
        var start = FirstIndexAtOrAbove(afterSeq + 1);
        var end = Math.Min(_entries.Count, start + limit);
        var items = new List<Notification>(end - start);
        for (var i = start; i < end; i++)
        {
            items.Add(_entries[i].Stored.Notification);
        }

        return (items, end < _entries.Count);
    }

    public (IReadOnlyList<Notification> NewlyRead, IReadOnlyList<string> Unknown) FindUnread(IReadOnlyList<string> ids)
    {
        var newlyRead = new List<Notification>();
        var unknown = new List<string>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (!_byId.TryGetValue(id, out var entry))
            {
                unknown.Add(id);
            }
            else if (entry.Stored.Notification.ReadAt is null)
            {
                newlyRead.Add(entry.Stored.Notification);
            }
        }

        return (newlyRead, unknown);
    }

    public IReadOnlyList<Notification> FindUnreadUpTo(long upToSeq) =>
        _entries
            .TakeWhile(e => e.Seq <= upToSeq)
            .Where(e => e.Stored.Notification.ReadAt is null)
            .Select(e => e.Stored.Notification)
            .ToList();

    /// <summary>Builds the summary that results from marking <paramref name="newlyRead"/> read, without changing memory.</summary>
    public InboxSummary BuildSummary(
        IReadOnlyList<Notification> newlyRead,
        DateTimeOffset now,
        IEnumerable<INotificationObserver> observers)
    {
        var readAt = new Dictionary<long, DateTimeOffset>(_entries.Count);
        foreach (var entry in _entries)
        {
            if (entry.Stored.Notification.ReadAt is { } at)
            {
                readAt[entry.Seq] = at;
            }
        }

        foreach (var notification in newlyRead)
        {
            readAt[notification.Seq] = now;
        }

        return new InboxSummary { LastSeq = LastSeq, ReadAt = readAt, Observers = [.. observers] };
    }

    public void MarkRead(IReadOnlyList<Notification> newlyRead, DateTimeOffset now)
    {
        foreach (var notification in newlyRead)
        {
            var entry = _byId[notification.Id];
            if (entry.Stored.Notification.ReadAt is null)
            {
                entry.Stored = entry.Stored with { Notification = entry.Stored.Notification with { ReadAt = now } };
                UnreadCount--;
            }
        }
    }

    private void Add(Entry entry)
    {
        _entries.Add(entry);
        _byId[entry.Stored.Notification.Id] = entry;
        if (entry.Stored.IdempotencyKey is { } key)
        {
            _byIdempotencyKey[key] = entry;
        }

        if (entry.Stored.Notification.ReadAt is null)
        {
            UnreadCount++;
        }

        LastSeq = Math.Max(LastSeq, entry.Seq);
    }

    private int FirstIndexAtOrAbove(long seq)
    {
        int low = 0, high = _entries.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_entries[middle].Seq < seq)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private sealed class Entry(StoredNotification stored)
    {
        public StoredNotification Stored { get; set; } = stored;

        public long Seq => Stored.Notification.Seq;
    }
}
