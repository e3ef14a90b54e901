using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Notifications.Grains;

/// <summary>
/// Stores each notification as its own Azure Table entity in a partition keyed by user id, with the row key being
/// the zero-padded seq, so a send writes one small entity whatever the inbox size.
/// </summary>
public sealed partial class AzureTableNotificationStore : INotificationStore
{
    // Azure Table transactions take at most 100 operations, all in one partition.
    private const int MaxTransactionSize = 100;

    private readonly TableClient _table;
    private readonly ILogger<AzureTableNotificationStore> _logger;
    private readonly Lazy<Task> _tableCreated;

    /// <summary>Creates the store over a table; the table is created on first use.</summary>
    public AzureTableNotificationStore(TableClient table, ILogger<AzureTableNotificationStore> logger)
    {
        _table = table;
        _logger = logger;
        _tableCreated = new Lazy<Task>(() => _table.CreateIfNotExistsAsync(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredNotification>> LoadAsync(
        string userId,
        CancellationToken cancellationToken = default)
    {
        await _tableCreated.Value;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {userId}");
        var result = new List<StoredNotification>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1_000, cancellationToken: cancellationToken))
        {
            result.Add(FromEntity(entity));
        }

        // Row keys are zero-padded seqs, so the service returns them in seq order already; sorting guards the contract.
        result.Sort((left, right) => left.Notification.Seq.CompareTo(right.Notification.Seq));
        Log.Loaded(_logger, userId, result.Count);
        return result;
    }

    /// <inheritdoc />
    public async Task AppendAsync(
        string userId,
        StoredNotification added,
        IReadOnlyCollection<long> evictedSeqs,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(evictedSeqs);
        await _tableCreated.Value;

        // The new row and the first evictions commit atomically; a crash between further batches leaves rows that
        // the grain evicts again on its next send.
        var actions = new List<TableTransactionAction>(Math.Min(evictedSeqs.Count + 1, MaxTransactionSize))
        {
            new(TableTransactionActionType.Add, ToEntity(userId, added)),
        };
        foreach (var seq in evictedSeqs)
        {
            if (actions.Count == MaxTransactionSize)
            {
                await SubmitAsync(actions, cancellationToken);
                actions.Clear();
            }

            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(userId, RowKey(seq)), ETag.All));
        }

        await SubmitAsync(actions, cancellationToken);
    }

    private async Task SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 1 && actions[0].ActionType == TableTransactionActionType.Add)
        {
            // A single insert needs no batch envelope, which saves parsing work on the storage side.
            await _table.AddEntityAsync((TableEntity)actions[0].Entity, cancellationToken);
            return;
        }

        await _table.SubmitTransactionAsync(actions, cancellationToken);
    }

    internal static string RowKey(long seq) => seq.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string userId, StoredNotification stored)
    {
        var notification = stored.Notification;
        return new TableEntity(userId, RowKey(notification.Seq))
        {
            ["Seq"] = notification.Seq,
            ["NotificationId"] = notification.Id,
            ["Type"] = notification.Type,
            ["Title"] = notification.Title,
            ["Body"] = notification.Body,
            ["ActionUrl"] = notification.ActionUrl,
            ["Data"] = notification.Data,
            ["CreatedAt"] = notification.CreatedAt,
            ["IdempotencyKey"] = stored.IdempotencyKey,
            ["ContentHash"] = stored.ContentHash,
        };
    }

    private static StoredNotification FromEntity(TableEntity entity)
    {
        var notification = new Notification
        {
            Id = entity.GetString("NotificationId"),
            Seq = entity.GetInt64("Seq") ?? 0,
            Type = entity.GetString("Type"),
            Title = entity.GetString("Title"),
            Body = entity.GetString("Body") ?? string.Empty,
            ActionUrl = entity.GetString("ActionUrl"),
            Data = entity.GetString("Data"),
            CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        };
        return new StoredNotification(notification, entity.GetString("IdempotencyKey"), entity.GetString("ContentHash"));
    }

    private static partial class Log
    {
        [LoggerMessage(1100, LogLevel.Trace, "Loaded {Count} notifications of user {UserId}")]
        public static partial void Loaded(ILogger logger, string userId, int count);
    }
}
