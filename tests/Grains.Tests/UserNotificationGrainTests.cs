using Orleans.TestingHost;

namespace Notifications.Grains.Tests;

[Collection(MemoryClusterCollection.Name)]
public sealed class UserNotificationGrainTests(MemoryClusterFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private TestCluster Cluster => fixture.Cluster;

    private IUserNotificationGrain NewUser() =>
        Cluster.GrainFactory.GetGrain<IUserNotificationGrain>($"user-{Guid.NewGuid():N}");

    private static NotificationRequest Request(string title = "Order 7 shipped", string? key = null) => new()
    {
        Type = "order:status_changed",
        Title = title,
        Body = "It is on its way.",
        ActionUrl = "/orders/7",
        Data = """{"orderId": 7}""",
        IdempotencyKey = key,
    };

    [Fact]
    public async Task ConcurrentSendsGetGapFreeSeqs()
    {
        var grain = NewUser();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => grain.SendAsync(Request($"n{i}"))))
            .WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), receipts.Select(r => r.Seq).Order());
        Assert.Equal(50, receipts.Select(r => r.Id).Distinct().Count());
        Assert.All(receipts, receipt => Assert.True(receipt.Created));
    }

    [Fact]
    public async Task SyncReturnsNewerOldestFirst()
    {
        var grain = NewUser();
        for (var i = 1; i <= 5; i++)
        {
            await grain.SendAsync(Request($"n{i}"));
        }

        var sync = await grain.SyncAsync(afterSeq: 2, limit: 2);
        var rest = await grain.SyncAsync(afterSeq: 4, limit: 10);

        Assert.Equal([3L, 4L], sync.Notifications.Select(n => n.Seq));
        Assert.True(sync.HasMore);
        Assert.Equal(5, sync.LastSeq);
        Assert.Equal([5L], rest.Notifications.Select(n => n.Seq));
        Assert.False(rest.HasMore);
    }

    [Fact]
    public async Task PagingWalksNewestFirst()
    {
        var grain = NewUser();
        for (var i = 1; i <= 7; i++)
        {
            await grain.SendAsync(Request($"n{i}"));
        }

        var first = await grain.GetPageAsync(beforeSeq: 0, limit: 3);
        var second = await grain.GetPageAsync(first.Notifications[^1].Seq, limit: 3);
        var last = await grain.GetPageAsync(second.Notifications[^1].Seq, limit: 3);

        Assert.Equal([7L, 6L, 5L], first.Notifications.Select(n => n.Seq));
        Assert.True(first.HasMore);
        Assert.Equal([4L, 3L, 2L], second.Notifications.Select(n => n.Seq));
        Assert.Equal([1L], last.Notifications.Select(n => n.Seq));
        Assert.False(last.HasMore);
    }

    [Fact]
    public async Task StoredNotificationKeepsItsContent()
    {
        var grain = NewUser();

        var receipt = await grain.SendAsync(Request());
        var stored = (await grain.GetPageAsync(0, 1)).Notifications.Single();

        Assert.Equal(receipt.Id, stored.Id);
        Assert.Equal("order:status_changed", stored.Type);
        Assert.Equal("Order 7 shipped", stored.Title);
        Assert.Equal("It is on its way.", stored.Body);
        Assert.Equal("/orders/7", stored.ActionUrl);
        Assert.Equal("""{"orderId":7}""", stored.Data);
        Assert.Equal(receipt.CreatedAt, stored.CreatedAt);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
        Assert.Null(stored.ReadAt);
    }

    [Fact]
    public async Task IdempotentRetryReturnsFirstReceipt()
    {
        var grain = NewUser();

        var first = await grain.SendAsync(Request(key: "order-7-shipped"));
        var retry = await grain.SendAsync(Request(key: "order-7-shipped"));

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(first.Seq, retry.Seq);
        Assert.Equal(first.CreatedAt, retry.CreatedAt);
        Assert.True(first.Created);
        Assert.False(retry.Created);
        Assert.Single((await grain.SyncAsync(0, 100)).Notifications);
    }

    [Fact]
    public async Task ReusedKeyWithOtherContentIsRejected()
    {
        var grain = NewUser();
        await grain.SendAsync(Request("Order 7 shipped", key: "k"));

        var error = await Assert.ThrowsAsync<IdempotencyConflictException>(() => grain.SendAsync(Request("Order 8 shipped", key: "k")));

        Assert.Equal("k", error.IdempotencyKey);
        Assert.Single((await grain.SyncAsync(0, 100)).Notifications);
    }

    [Fact]
    public async Task UnreadCountDropsAfterMarkRead()
    {
        var grain = NewUser();
        var first = await grain.SendAsync(Request("a"));
        await grain.SendAsync(Request("b"));
        await grain.SendAsync(Request("c"));

        var result = await grain.MarkReadAsync([first.Id, "unknown-id"]);
        var again = await grain.MarkReadAsync([first.Id]);

        Assert.Equal(2, result.UnreadCount);
        Assert.Equal([first.Id], result.NewlyReadIds);
        Assert.Equal(["unknown-id"], result.UnknownIds);
        Assert.Empty(again.NewlyReadIds);
        Assert.Equal(2, await grain.GetUnreadCountAsync());
        var stored = (await grain.SyncAsync(0, 10)).Notifications;
        Assert.NotNull(stored[0].ReadAt);
        Assert.Null(stored[1].ReadAt);
    }

    [Fact]
    public async Task MarkAllReadStopsAtUpToSeq()
    {
        var grain = NewUser();
        for (var i = 1; i <= 5; i++)
        {
            await grain.SendAsync(Request($"n{i}"));
        }

        var unread = await grain.MarkAllReadAsync(upToSeq: 3);
        var notifications = (await grain.SyncAsync(0, 10)).Notifications;

        Assert.Equal(2, unread);
        Assert.All(notifications.Where(n => n.Seq <= 3), n => Assert.NotNull(n.ReadAt));
        Assert.All(notifications.Where(n => n.Seq > 3), n => Assert.Null(n.ReadAt));
    }

    [Fact]
    public async Task MarkAllReadBeyondLastSeqReadsEverything()
    {
        var grain = NewUser();
        await grain.SendAsync(Request("a"));
        await grain.SendAsync(Request("b"));

        var unread = await grain.MarkAllReadAsync(long.MaxValue);

        Assert.Equal(0, unread);
    }

    [Fact]
    public async Task RetentionEvictsReadOnesFirst()
    {
        var grain = NewUser();
        var receipts = new List<SendReceipt>();
        for (var i = 1; i <= MemoryClusterFixture.MaxInboxSize; i++)
        {
            receipts.Add(await grain.SendAsync(Request($"n{i}")));
        }

        // Read seqs 5 and 6; the next two sends must evict those, not the older unread seqs 1 and 2.
        await grain.MarkReadAsync([receipts[4].Id, receipts[5].Id]);
        await grain.SendAsync(Request("over 1"));
        await grain.SendAsync(Request("over 2"));
        var kept = (await grain.SyncAsync(0, 100)).Notifications.Select(n => n.Seq).ToList();

        Assert.Equal(MemoryClusterFixture.MaxInboxSize, kept.Count);
        Assert.DoesNotContain(5L, kept);
        Assert.DoesNotContain(6L, kept);
        Assert.Contains(1L, kept);
        Assert.Equal(MemoryClusterFixture.MaxInboxSize + 2L, kept[^1]);
        Assert.Equal(MemoryClusterFixture.MaxInboxSize, await grain.GetUnreadCountAsync());
    }

    [Fact]
    public async Task RetentionEvictsOldestUnreadWhenNoneRead()
    {
        var grain = NewUser();
        for (var i = 1; i <= MemoryClusterFixture.MaxInboxSize + 3; i++)
        {
            await grain.SendAsync(Request($"n{i}"));
        }

        var kept = (await grain.SyncAsync(0, 100)).Notifications.Select(n => n.Seq).ToList();

        Assert.Equal(Enumerable.Range(4, MemoryClusterFixture.MaxInboxSize).Select(i => (long)i), kept);
        Assert.Equal(MemoryClusterFixture.MaxInboxSize, await grain.GetUnreadCountAsync());
    }

    public static TheoryData<string, NotificationRequest> InvalidRequests()
    {
        var valid = new NotificationRequest { Type = "task:assigned", Title = "Review the design" };
        return new TheoryData<string, NotificationRequest>
        {
            { "type", valid with { Type = null } },
            { "type", valid with { Type = "Task Assigned" } },
            { "type", valid with { Type = "a:b:c" } },
            { "type", valid with { Type = "x" + new string('a', NotificationRules.MaxTypeLength) } },
            { "title", valid with { Title = null } },
            { "title", valid with { Title = " \t\n " } },
            { "title", valid with { Title = new string('t', NotificationRules.MaxTitleLength + 1) } },
            { "body", valid with { Body = new string('b', NotificationRules.MaxBodyLength + 1) } },
            { "actionUrl", valid with { ActionUrl = "javascript:alert(1)" } },
            { "actionUrl", valid with { ActionUrl = "//evil.example/path" } },
            { "actionUrl", valid with { ActionUrl = "/\\evil.example/path" } },
            { "actionUrl", valid with { ActionUrl = "ftp://files.example/a" } },
            { "actionUrl", valid with { ActionUrl = "orders/7" } },
            { "actionUrl", valid with { ActionUrl = "/" + new string('a', NotificationRules.MaxActionUrlLength) } },
            { "data", valid with { Data = "[1, 2]" } },
            { "data", valid with { Data = "{not json" } },
            { "data", valid with { Data = $$"""{"big":"{{new string('d', NotificationRules.MaxDataLength)}}"}""" } },
            { "idempotencyKey", valid with { IdempotencyKey = "" } },
            { "idempotencyKey", valid with { IdempotencyKey = "has space" } },
            { "idempotencyKey", valid with { IdempotencyKey = new string('k', NotificationRules.MaxIdempotencyKeyLength + 1) } },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task InvalidRequestIsRejectedWhole(string field, NotificationRequest request)
    {
        var grain = NewUser();
        await grain.SendAsync(Request("kept"));

        var error = await Assert.ThrowsAsync<NotificationValidationException>(() => grain.SendAsync(request));
        var sync = await grain.SyncAsync(0, 100);

        Assert.Equal(field, error.Field);
        Assert.Single(sync.Notifications);
        Assert.Equal(1, sync.LastSeq);
    }

    [Fact]
    public async Task LimitsAtTheEdgeAreAccepted()
    {
        var grain = NewUser();
        var request = new NotificationRequest
        {
            Type = "x" + new string('a', NotificationRules.MaxTypeLength - 1),
            Title = new string('t', NotificationRules.MaxTitleLength),
            Body = new string('b', NotificationRules.MaxBodyLength),
            ActionUrl = "https://shop.example/" + new string('a', NotificationRules.MaxActionUrlLength - 21),
        };

        var receipt = await grain.SendAsync(request);

        Assert.Equal(1, receipt.Seq);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(NotificationRules.MaxPageSize + 1)]
    public async Task PageLimitOutsideRangeIsRejected(int limit)
    {
        var grain = NewUser();

        var error = await Assert.ThrowsAsync<NotificationValidationException>(() => grain.GetPageAsync(0, limit));

        Assert.Equal("limit", error.Field);
    }

    [Fact]
    public async Task TooManyIdsInMarkReadAreRejected()
    {
        var grain = NewUser();
        var ids = Enumerable.Range(0, NotificationRules.MaxMarkReadIds + 1).Select(i => $"id{i}").ToArray();

        var error = await Assert.ThrowsAsync<NotificationValidationException>(() => grain.MarkReadAsync(ids));

        Assert.Equal("ids", error.Field);
    }

    [Fact]
    public async Task ObserverReceivesNewAndReadEvents()
    {
        var grain = NewUser();
        var observer = new RecordingObserver();
        var reference = Cluster.Client.CreateObjectReference<INotificationObserver>(observer);
        await grain.SubscribeAsync(reference);

        var receipt = await grain.SendAsync(Request());
        var arrived = await observer.NextNotificationAsync(Timeout);
        await grain.MarkAllReadAsync(receipt.Seq);
        var read = await observer.NextReadAsync(Timeout);

        Assert.Equal(receipt.Id, arrived.Id);
        Assert.Empty(read.Ids);
        Assert.Equal(receipt.Seq, read.UpToSeq);
        Assert.Equal(0, read.UnreadCount);
        Cluster.Client.DeleteObjectReference<INotificationObserver>(reference);
    }

    [Fact]
    public async Task UnsubscribedObserverGetsNothing()
    {
        var grain = NewUser();
        var observer = new RecordingObserver();
        var reference = Cluster.Client.CreateObjectReference<INotificationObserver>(observer);
        await grain.SubscribeAsync(reference);
        await grain.UnsubscribeAsync(reference);

        await grain.SendAsync(Request());
        // A second observer that stays subscribed shows when the first one would have been called.
        var witness = new RecordingObserver();
        var witnessReference = Cluster.Client.CreateObjectReference<INotificationObserver>(witness);
        await grain.SubscribeAsync(witnessReference);
        await grain.SendAsync(Request("second"));
        await witness.NextNotificationAsync(Timeout);

        Assert.False(observer.TryTakeNotification(out _));
    }

    [Fact]
    public async Task SubscriptionExpiresUnlessRenewed()
    {
        var grain = NewUser();
        var lapsed = new RecordingObserver();
        var renewed = new RecordingObserver();
        var lapsedReference = Cluster.Client.CreateObjectReference<INotificationObserver>(lapsed);
        var renewedReference = Cluster.Client.CreateObjectReference<INotificationObserver>(renewed);
        await grain.SubscribeAsync(lapsedReference);
        await grain.SubscribeAsync(renewedReference);

        // Renew one subscription halfway, then wait past the expiry of the other.
        await Task.Delay(MemoryClusterFixture.ObserverExpiry / 2);
        await grain.SubscribeAsync(renewedReference);
        await Task.Delay((MemoryClusterFixture.ObserverExpiry / 2) + TimeSpan.FromSeconds(1));
        await grain.SendAsync(Request());
        await renewed.NextNotificationAsync(Timeout);

        Assert.False(lapsed.TryTakeNotification(out _));
    }
}
