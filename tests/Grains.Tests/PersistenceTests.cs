using Azure.Data.Tables;

namespace Notifications.Grains.Tests;

[Collection(AzuriteClusterCollection.Name)]
public sealed class PersistenceTests(AzuriteClusterFixture fixture)
{
    private static NotificationRequest Request(string title, string? key = null) => new()
    {
        Type = "message:received",
        Title = title,
        Body = "Body of " + title,
        Data = """{"thread":"t1"}""",
        IdempotencyKey = key,
    };

    private static string NewUserId() => $"user-{Guid.NewGuid():N}";

    private IUserNotificationGrain Grain(string userId) =>
        fixture.Cluster.GrainFactory.GetGrain<IUserNotificationGrain>(userId);

    [Fact]
    public async Task InboxSurvivesClusterRestart()
    {
        var userId = NewUserId();
        var receipts = new List<SendReceipt>();
        for (var i = 1; i <= 4; i++)
        {
            receipts.Add(await Grain(userId).SendAsync(Request($"n{i}", key: $"key-{i}")));
        }

        await Grain(userId).MarkReadAsync([receipts[0].Id]);
        await Grain(userId).MarkAllReadAsync(upToSeq: 2);
        var before = await Grain(userId).SyncAsync(0, 100);

        await fixture.RestartAsync();
        var after = await Grain(userId).SyncAsync(0, 100);
        var retry = await Grain(userId).SendAsync(Request("n4", key: "key-4"));
        var next = await Grain(userId).SendAsync(Request("n5"));

        Assert.Equal(before.Notifications, after.Notifications);
        Assert.Equal(2, after.UnreadCount);
        Assert.Equal(4, after.LastSeq);
        Assert.Equal(receipts[3].Id, retry.Id);
        Assert.False(retry.Created);
        Assert.Equal(5, next.Seq);
    }

    [Fact]
    public async Task ObserversSurviveReactivation()
    {
        var userId = NewUserId();
        var observer = new RecordingObserver();
        var reference = fixture.Cluster.Client.CreateObjectReference<INotificationObserver>(observer);
        await Grain(userId).SubscribeAsync(reference);
        await Grain(userId).SendAsync(Request("before"));
        await observer.NextNotificationAsync(TimeSpan.FromSeconds(10));

        // Deactivating every idle grain makes the next call start a new activation, which starts from stored state alone.
        await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Grain(userId).SendAsync(Request("after"));
        var arrived = await observer.NextNotificationAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("after", arrived.Title);
        fixture.Cluster.Client.DeleteObjectReference<INotificationObserver>(reference);
    }

    [Fact]
    public async Task SendWritesOneRowAndNoGrainState()
    {
        var userId = NewUserId();

        await Grain(userId).SendAsync(Request("a"));
        await Grain(userId).SendAsync(Request("b"));
        var rows = await CountRowsAsync(AzuriteClusterFixture.NotificationsTable, userId);
        var stateRows = await CountStateRowsAsync(userId);

        Assert.Equal(2, rows);
        Assert.Equal(0, stateRows);
    }

    [Fact]
    public async Task EvictedRowsAreDeletedFromStorage()
    {
        var userId = NewUserId();

        for (var i = 1; i <= AzuriteClusterFixture.MaxInboxSize + 5; i++)
        {
            await Grain(userId).SendAsync(Request($"n{i}"));
        }

        var rows = await CountRowsAsync(AzuriteClusterFixture.NotificationsTable, userId);

        Assert.Equal(AzuriteClusterFixture.MaxInboxSize, rows);
    }

    [Fact]
    public async Task RejectedSendStoresNothing()
    {
        var userId = NewUserId();
        await Grain(userId).SendAsync(Request("kept"));

        await Assert.ThrowsAsync<NotificationValidationException>(
            () => Grain(userId).SendAsync(Request("bad") with { ActionUrl = "javascript:alert(1)" }));
        var rows = await CountRowsAsync(AzuriteClusterFixture.NotificationsTable, userId);

        Assert.Equal(1, rows);
    }

    private async Task<int> CountRowsAsync(string table, string partitionKey)
    {
        var client = fixture.Tables.GetTableClient(table);
        var count = 0;
        await foreach (var _ in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")))
        {
            count++;
        }

        return count;
    }

    private async Task<int> CountStateRowsAsync(string userId)
    {
        // The Orleans table provider keys rows by service and grain id; the grain id contains the user id.
        var client = fixture.Tables.GetTableClient(AzuriteClusterFixture.GrainStateTable);
        var count = 0;
        try
        {
            await foreach (var entity in client.QueryAsync<TableEntity>())
            {
                if (entity.PartitionKey.Contains(userId, StringComparison.Ordinal) || entity.RowKey.Contains(userId, StringComparison.Ordinal))
                {
                    count++;
                }
            }
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            // No grain state was ever written, so the table does not exist yet.
        }

        return count;
    }
}
