using Microsoft.AspNetCore.SignalR;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Notifications.WebFront.Tests;

[Collection(SystemCollection.Name)]
public sealed class DeliveryTests(SystemFixture system)
{
    private static string NewUserId() => $"user-{Guid.NewGuid():N}";

    private static object Notification(string title) => new
    {
        type = "order:status_changed",
        title,
        body = "Body of " + title,
        actionUrl = "/orders/7",
        data = new { orderId = 7 },
    };

    [Fact]
    public async Task SendReachesEveryConnectionOfTheUserOnly()
    {
        var alice = NewUserId();
        var bob = NewUserId();
        await using var aliceTab1 = await system.ConnectAsync(alice);
        await using var aliceTab2 = await system.ConnectAsync(alice);
        await using var bobTab = await system.ConnectAsync(bob);
        await aliceTab1.NextBatchAsync();
        await aliceTab2.NextBatchAsync();
        await bobTab.NextBatchAsync();

        using var response = await system.SendAsync(alice, Notification("For Alice"));
        var receipt = await response.Content.ReadFromJsonAsync<SendReceiptBody>();
        var inTab1 = await aliceTab1.NextNewAsync();
        var inTab2 = await aliceTab2.NextNewAsync();

        // Bob's next event must be his own notification, not Alice's.
        using var bobResponse = await system.SendAsync(bob, Notification("For Bob"));
        var bobFirst = await bobTab.NextNewAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(receipt!.Id, inTab1.Notification.Id);
        Assert.Equal(receipt.Id, inTab2.Notification.Id);
        Assert.Equal(1, inTab1.UnreadCount);
        Assert.Equal(1, inTab2.UnreadCount);
        Assert.Equal("For Alice", inTab1.Notification.Title);
        Assert.Equal("""{"orderId":7}""", inTab1.Notification.Data);
        Assert.Equal("For Bob", bobFirst.Notification.Title);
    }

    [Fact]
    public async Task ReconnectedClientSyncsExactlyWhatItMissed()
    {
        var userId = NewUserId();
        await system.SendAsync(userId, Notification("seen"));
        long lastSeq;
        await using (var tab = await system.ConnectAsync(userId))
        {
            lastSeq = (await tab.NextBatchAsync()).LastSeq;
        }

        for (var i = 1; i <= 3; i++)
        {
            using var response = await system.SendAsync(userId, Notification($"missed {i}"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await using var back = await system.ConnectAsync(userId);
        var sync = await back.Connection.InvokeAsync<HubClient.SyncResponse>("Sync", lastSeq, 100).WaitAsync(HubClient.Timeout);

        Assert.Equal(1, lastSeq);
        Assert.Equal(["missed 1", "missed 2", "missed 3"], sync.Notifications.Select(n => n.Title));
        Assert.Equal([2L, 3L, 4L], sync.Notifications.Select(n => n.Seq));
        Assert.Equal(4, sync.LastSeq);
        Assert.Equal(4, sync.UnreadCount);
        Assert.False(sync.HasMore);
    }

    [Fact]
    public async Task MarkReadOnOneConnectionUpdatesTheOther()
    {
        var userId = NewUserId();
        using var first = await system.SendAsync(userId, Notification("one"));
        using var second = await system.SendAsync(userId, Notification("two"));
        var receipt = await first.Content.ReadFromJsonAsync<SendReceiptBody>();
        await using var phone = await system.ConnectAsync(userId);
        await using var laptop = await system.ConnectAsync(userId);
        await phone.NextBatchAsync();
        await laptop.NextBatchAsync();

        var unread = await phone.Connection.InvokeAsync<int>("MarkRead", new[] { receipt!.Id }).WaitAsync(HubClient.Timeout);
        var onLaptop = await laptop.NextReadAsync();
        var onPhone = await phone.NextReadAsync();

        Assert.Equal(1, unread);
        Assert.Equal([receipt.Id], onLaptop.Ids);
        Assert.Null(onLaptop.UpToSeq);
        Assert.Equal(1, onLaptop.UnreadCount);
        Assert.Equal(1, onPhone.UnreadCount);
    }

    [Fact]
    public async Task MarkAllReadSendsUpToSeq()
    {
        var userId = NewUserId();
        for (var i = 1; i <= 3; i++)
        {
            using var _ = await system.SendAsync(userId, Notification($"n{i}"));
        }

        await using var tab = await system.ConnectAsync(userId);
        await tab.NextBatchAsync();

        var unread = await tab.Connection.InvokeAsync<int>("MarkAllRead", 2L).WaitAsync(HubClient.Timeout);
        var read = await tab.NextReadAsync();

        Assert.Equal(1, unread);
        Assert.Empty(read.Ids);
        Assert.Equal(2, read.UpToSeq);
        Assert.Equal(1, read.UnreadCount);
    }

    [Fact]
    public async Task BatchOnConnectHoldsNewestPage()
    {
        var userId = NewUserId();
        for (var i = 1; i <= 22; i++)
        {
            using var _ = await system.SendAsync(userId, Notification($"n{i}"));
        }

        await using var tab = await system.ConnectAsync(userId);
        var batch = await tab.NextBatchAsync();
        var page = await tab.Connection.InvokeAsync<HubClient.PageResponse>("GetPage", batch.Notifications[^1].Seq, 20)
            .WaitAsync(HubClient.Timeout);

        Assert.Equal(20, batch.Notifications.Count);
        Assert.Equal(22, batch.Notifications[0].Seq);
        Assert.Equal(3, batch.Notifications[^1].Seq);
        Assert.Equal(22, batch.UnreadCount);
        Assert.Equal(22, batch.LastSeq);
        Assert.True(batch.HasMore);
        Assert.Equal([2L, 1L], page.Notifications.Select(n => n.Seq));
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task LiveNotificationFollowsEmptyBatch()
    {
        var userId = NewUserId();
        await using var tab = await system.ConnectAsync(userId);
        var batch = await tab.NextBatchAsync();

        using var _ = await system.SendAsync(userId, Notification("live"));
        var live = await tab.NextNewAsync();

        Assert.Empty(batch.Notifications);
        Assert.Equal(0, batch.LastSeq);
        Assert.Equal("live", live.Notification.Title);
    }

    [Fact]
    public async Task HubRejectsInvalidLimitNamingTheField()
    {
        await using var tab = await system.ConnectAsync(NewUserId());

        var error = await Assert.ThrowsAsync<HubException>(
            () => tab.Connection.InvokeAsync<HubClient.SyncResponse>("Sync", 0L, 0).WaitAsync(HubClient.Timeout));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
        Assert.Contains("100", error.Message, StringComparison.Ordinal);
    }

    private sealed record SendReceiptBody(string Id, long Seq, DateTimeOffset CreatedAt);
}
