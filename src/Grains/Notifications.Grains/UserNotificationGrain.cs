using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Notifications.Grains;

/// <summary>
/// One user's inbox. Notification rows live in <see cref="INotificationStore"/>, one row per send; read state and the
/// highest seq live in the grain's persistent <see cref="InboxSummary"/>. The whole retained inbox is kept in memory
/// while the grain is active.
/// </summary>
public sealed partial class UserNotificationGrain : Grain, IUserNotificationGrain
{
    private readonly IPersistentState<InboxSummary> _summary;
    private readonly INotificationStore _store;
    private readonly InboxOptions _options;
    private readonly ILogger<UserNotificationGrain> _logger;
    private readonly TimeProvider _time;
    private readonly ObserverManager<INotificationObserver> _observers;
    private readonly Inbox _inbox = new();

    /// <summary>Creates the grain; Orleans calls this.</summary>
    public UserNotificationGrain(
        [PersistentState("inbox", "inbox")] IPersistentState<InboxSummary> summary,
        INotificationStore store,
        IOptions<InboxOptions> options,
        ILogger<UserNotificationGrain> logger,
        TimeProvider? time = null)
    {
        _summary = summary;
        _store = store;
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _observers = new ObserverManager<INotificationObserver>(_options.ObserverExpiry, logger);
    }

    private string UserId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!UserIds.IsValid(UserId))
        {
            throw new NotificationValidationException("userId", UserIds.Rule);
        }

        // Rows are the record of what was sent; the summary adds read state. A crash after a row write and before
        // the next summary write loses nothing, because the highest seq is recomputed from the rows.
        var rows = await _store.LoadAsync(UserId, cancellationToken);
        _inbox.Load(rows, _summary.State);

        // Restored observers get a full expiry period: live frontends renew within it, dead ones lapse.
        foreach (var observer in _summary.State.Observers)
        {
            _observers.Subscribe(observer, observer);
        }

        Log.Activated(_logger, UserId, _inbox.Count, _inbox.LastSeq, _observers.Count);
    }

    /// <inheritdoc />
    public async Task<SendReceipt> SendAsync(NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = NotificationRules.Validate(request);
        if (errors.Count > 0)
        {
            throw new NotificationValidationException(errors);
        }

        string? data = null;
        if (request.Data is not null)
        {
            NotificationRules.TryNormalizeData(request.Data, out var normalized, out _);
            data = normalized;
        }

        var contentHash = ComputeContentHash(request, data);
        if (request.IdempotencyKey is { } key && _inbox.TryGetByIdempotencyKey(key, out var earlier))
        {
            if (earlier.ContentHash != contentHash)
            {
                throw new IdempotencyConflictException(key);
            }

            Log.IdempotentRepeat(_logger, UserId, earlier.Notification.Id);
            return new SendReceipt
            {
                Id = earlier.Notification.Id,
                Seq = earlier.Notification.Seq,
                CreatedAt = earlier.Notification.CreatedAt,
                Created = false,
            };
        }

        var now = _time.GetUtcNow();
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Seq = _inbox.LastSeq + 1,
            Type = request.Type!,
            Title = request.Title!,
            Body = request.Body ?? string.Empty,
            ActionUrl = request.ActionUrl,
            Data = data,
            CreatedAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
        };
        var stored = new StoredNotification(notification, request.IdempotencyKey, contentHash);
        var evicted = _inbox.ChooseEvictions(_options.MaxInboxSize - 1);

        // Durable before acknowledged: memory changes only after the store confirmed the write.
        await _store.AppendAsync(UserId, stored, evicted);
        _inbox.Append(stored, evicted);
        Log.Stored(_logger, UserId, notification.Id, notification.Seq);

        var unread = _inbox.UnreadCount;
        var userId = UserId;
        _observers.Notify(observer => observer.OnNotification(userId, notification, unread));
        return new SendReceipt { Id = notification.Id, Seq = notification.Seq, CreatedAt = notification.CreatedAt, Created = true };
    }

    /// <inheritdoc />
    public Task<NotificationPage> GetPageAsync(long beforeSeq, int limit)
    {
        ValidateLimit(limit);
        if (beforeSeq < 0)
        {
            throw new NotificationValidationException("beforeSeq", "The beforeSeq must be 0 or more.");
        }

        var (items, hasMore) = _inbox.PageBefore(beforeSeq, limit);
        return Task.FromResult(new NotificationPage
        {
            Notifications = items,
            UnreadCount = _inbox.UnreadCount,
            HasMore = hasMore,
            LastSeq = _inbox.LastSeq,
        });
    }

    /// <inheritdoc />
    public Task<SyncResult> SyncAsync(long afterSeq, int limit)
    {
        ValidateLimit(limit);
        if (afterSeq < 0)
        {
            throw new NotificationValidationException("afterSeq", "The afterSeq must be 0 or more.");
        }

        var (items, hasMore) = _inbox.PageAfter(afterSeq, limit);
        return Task.FromResult(new SyncResult
        {
            Notifications = items,
            UnreadCount = _inbox.UnreadCount,
            LastSeq = _inbox.LastSeq,
            HasMore = hasMore,
        });
    }

    /// <inheritdoc />
    public Task<int> GetUnreadCountAsync() => Task.FromResult(_inbox.UnreadCount);

    /// <inheritdoc />
    public async Task<MarkReadResult> MarkReadAsync(IReadOnlyList<string> ids)
    {
        var errors = NotificationRules.ValidateIds(ids);
        if (errors.Count > 0)
        {
            throw new NotificationValidationException(errors);
        }

        var now = _time.GetUtcNow();
        var (newlyRead, unknown) = _inbox.FindUnread(ids);
        if (newlyRead.Count > 0)
        {
            await SaveReadStateAsync(newlyRead, now);
            var unread = _inbox.UnreadCount;
            var userId = UserId;
            var readIds = newlyRead.Select(n => n.Id).ToArray();
            _observers.Notify(observer => observer.OnRead(userId, readIds, null, unread));
        }

        return new MarkReadResult
        {
            NewlyReadIds = newlyRead.Select(n => n.Id).ToArray(),
            UnknownIds = unknown,
            UnreadCount = _inbox.UnreadCount,
        };
    }

    /// <inheritdoc />
    public async Task<int> MarkAllReadAsync(long upToSeq)
    {
        if (upToSeq < 0)
        {
            throw new NotificationValidationException("upToSeq", "The upToSeq must be 0 or more.");
        }

        // A caller may pass a seq beyond the newest, such as long.MaxValue for "everything so far".
        upToSeq = Math.Min(upToSeq, _inbox.LastSeq);
        var newlyRead = _inbox.FindUnreadUpTo(upToSeq);
        if (newlyRead.Count > 0)
        {
            await SaveReadStateAsync(newlyRead, _time.GetUtcNow());
            var unread = _inbox.UnreadCount;
            var userId = UserId;
            _observers.Notify(observer => observer.OnRead(userId, [], upToSeq, unread));
        }

        return _inbox.UnreadCount;
    }

    /// <inheritdoc />
    public async Task SubscribeAsync(INotificationObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var isNew = !_observers.Observers.ContainsKey(observer);
        _observers.Subscribe(observer, observer);
        if (isNew)
        {
            // Only a new subscription is written; renewals change nothing that a new activation needs.
            await WriteSummaryAsync(_inbox.BuildSummary([], _time.GetUtcNow(), LiveObservers()));
        }
    }

    /// <inheritdoc />
    public Task UnsubscribeAsync(INotificationObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);

        // The stored observer list is not rewritten: a stale entry restored by a later activation only lapses after
        // the observer expiry, and skipping the write keeps a frontend's shutdown fast.
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task SaveReadStateAsync(IReadOnlyList<Notification> newlyRead, DateTimeOffset now)
    {
        await WriteSummaryAsync(_inbox.BuildSummary(newlyRead, now, LiveObservers()));
        _inbox.MarkRead(newlyRead, now);
    }

    private List<INotificationObserver> LiveObservers()
    {
        _observers.ClearExpired();
        return _observers.Observers.Values.ToList();
    }

    private async Task WriteSummaryAsync(InboxSummary next)
    {
        // A failed write must leave the persistent state as it was, so the next state is built apart and kept only
        // after the write succeeded.
        var previous = _summary.State;
        _summary.State = next;
        try
        {
            await _summary.WriteStateAsync();
        }
        catch
        {
            _summary.State = previous;
            throw;
        }
    }

    private static void ValidateLimit(int limit)
    {
        if (NotificationRules.ValidateLimit(limit) is { } message)
        {
            throw new NotificationValidationException("limit", message);
        }
    }

    private static string ComputeContentHash(NotificationRequest request, string? data)
    {
        var content = string.Join('\0', request.Type, request.Title, request.Body ?? string.Empty, request.ActionUrl ?? "\u0001", data ?? "\u0001");
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    private static partial class Log
    {
        [LoggerMessage(1000, LogLevel.Debug, "Activated inbox of user {UserId} with {Count} notifications, last seq {LastSeq}, {Observers} observers")]
        public static partial void Activated(ILogger logger, string userId, int count, long lastSeq, int observers);

        [LoggerMessage(1001, LogLevel.Trace, "Stored notification {NotificationId} of user {UserId} as seq {Seq}")]
        public static partial void Stored(ILogger logger, string userId, string notificationId, long seq);

        [LoggerMessage(1002, LogLevel.Debug, "Repeated send of user {UserId} matched notification {NotificationId} by idempotency key")]
        public static partial void IdempotentRepeat(ILogger logger, string userId, string notificationId);
    }
}
