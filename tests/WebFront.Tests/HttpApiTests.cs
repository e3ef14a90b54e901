using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Notifications.WebFront.Tests;

[Collection(SystemCollection.Name)]
public sealed class HttpApiTests(SystemFixture system)
{
    private static string NewUserId() => $"user-{Guid.NewGuid():N}";

    private static object Notification(string title = "Payment received") => new
    {
        type = "payment:processed",
        title,
        body = "We received 20.00 EUR.",
    };

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task SendReturnsReceiptWithUtcTimestamp()
    {
        using var response = await system.SendAsync(NewUserId(), Notification());
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, body.GetProperty("seq").GetInt64());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id").GetString()));
        Assert.EndsWith("Z", body.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdempotencyKeyRepeatsAndConflicts()
    {
        var userId = NewUserId();

        using var first = await system.SendAsync(userId, Notification(), idempotencyKey: "pay-1");
        using var repeat = await system.SendAsync(userId, Notification(), idempotencyKey: "pay-1");
        using var conflict = await system.SendAsync(userId, Notification("Other"), idempotencyKey: "pay-1");
        var firstBody = await ReadJsonAsync(first);
        var repeatBody = await ReadJsonAsync(repeat);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(firstBody.GetProperty("id").GetString(), repeatBody.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"type":"BAD","title":"t"}""", "type")]
    [InlineData("""{"type":"system:alert","title":"   "}""", "title")]
    [InlineData("""{"type":"system:alert","title":"t","actionUrl":"javascript:alert(1)"}""", "actionUrl")]
    [InlineData("""{"type":"system:alert","title":"t","data":"text"}""", "data")]
    [InlineData("""{"type":"system:alert","title":7}""", "$.title")]
    [InlineData("""{"type":"system:alert",""", "$")]
    public async Task InvalidSendIsProblemNamingTheField(string json, string field)
    {
        var userId = NewUserId();
        using var request = SystemFixture.Authorized(HttpMethod.Post, $"api/users/{userId}/notifications", await system.ServiceTokenAsync());
        request.Content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await system.Http.SendAsync(request);
        var problem = await ReadJsonAsync(response);
        using var list = await system.Http.SendAsync(
            SystemFixture.Authorized(HttpMethod.Get, "api/notifications", await system.UserTokenAsync(userId)));
        var inbox = await ReadJsonAsync(list);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for '{field}' in {problem}");
        Assert.Equal(0, inbox.GetProperty("notifications").GetArrayLength());
    }

    [Fact]
    public async Task TooLongTitleNamesTheLimit()
    {
        using var response = await system.SendAsync(NewUserId(), new { type = "system:alert", title = new string('t', 201) });
        var problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("200", problem.GetProperty("errors").GetProperty("title")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InboxEndpointsServeOnlyTheCallersInbox()
    {
        var alice = NewUserId();
        var bob = NewUserId();
        using var sent = await system.SendAsync(alice, Notification());
        var id = (await ReadJsonAsync(sent)).GetProperty("id").GetString();
        var bobToken = await system.UserTokenAsync(bob);
        var aliceToken = await system.UserTokenAsync(alice);

        using var bobList = await system.Http.SendAsync(SystemFixture.Authorized(HttpMethod.Get, "api/notifications", bobToken));
        using var bobMark = await system.Http.SendAsync(SystemFixture.Authorized(HttpMethod.Post, $"api/notifications/{id}/read", bobToken));
        using var aliceCount = await system.Http.SendAsync(SystemFixture.Authorized(HttpMethod.Get, "api/notifications/unread-count", aliceToken));

        Assert.Equal(0, (await ReadJsonAsync(bobList)).GetProperty("notifications").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, bobMark.StatusCode);
        Assert.Equal(1, (await ReadJsonAsync(aliceCount)).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task MarkReadAndReadAllUpdateTheCount()
    {
        var userId = NewUserId();
        var token = await system.UserTokenAsync(userId);
        using var first = await system.SendAsync(userId, Notification("a"));
        using var _ = await system.SendAsync(userId, Notification("b"));
        using var __ = await system.SendAsync(userId, Notification("c"));
        var id = (await ReadJsonAsync(first)).GetProperty("id").GetString();

        using var markOne = await system.Http.SendAsync(SystemFixture.Authorized(HttpMethod.Post, $"api/notifications/{id}/read", token));
        using var markUpTo = await system.Http.SendAsync(
            SystemFixture.Authorized(HttpMethod.Post, "api/notifications/read-all", token, new { upToSeq = 2 }));
        using var markAll = await system.Http.SendAsync(SystemFixture.Authorized(HttpMethod.Post, "api/notifications/read-all", token));

        Assert.Equal(2, (await ReadJsonAsync(markOne)).GetProperty("unreadCount").GetInt32());
        Assert.Equal(1, (await ReadJsonAsync(markUpTo)).GetProperty("unreadCount").GetInt32());
        Assert.Equal(0, (await ReadJsonAsync(markAll)).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task ListPagesNewestFirst()
    {
        var userId = NewUserId();
        for (var i = 1; i <= 3; i++)
        {
            using var _ = await system.SendAsync(userId, Notification($"n{i}"));
        }

        var token = await system.UserTokenAsync(userId);
        using var page = await system.Http.SendAsync(SystemFixture.Authorized(HttpMethod.Get, "api/notifications?limit=2", token));
        using var next = await system.Http.SendAsync(SystemFixture.Authorized(HttpMethod.Get, "api/notifications?before=2&limit=2", token));
        using var tooMany = await system.Http.SendAsync(SystemFixture.Authorized(HttpMethod.Get, "api/notifications?limit=101", token));
        var first = await ReadJsonAsync(page);
        var second = await ReadJsonAsync(next);

        Assert.Equal([3L, 2L], first.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("seq").GetInt64()));
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.Equal([1L], second.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("seq").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task BulkSendReachesEveryUser()
    {
        var users = Enumerable.Range(0, 25).Select(_ => NewUserId()).ToArray();
        using var request = SystemFixture.Authorized(
            HttpMethod.Post, "api/notifications/bulk", await system.ServiceTokenAsync(), new { userIds = users, notification = Notification() });

        using var response = await system.Http.SendAsync(request);
        var body = await ReadJsonAsync(response);
        using var count = await system.Http.SendAsync(
            SystemFixture.Authorized(HttpMethod.Get, "api/notifications/unread-count", await system.UserTokenAsync(users[^1])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25, body.GetProperty("succeeded").GetInt32());
        Assert.Equal(users, body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("userId").GetString()));
        Assert.Equal(1, (await ReadJsonAsync(count)).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task OnlyServicesWithTheScopeCanSend()
    {
        var userId = NewUserId();
        using var anonymous = await system.Http.PostAsJsonAsync($"api/users/{userId}/notifications", Notification());
        using var asUser = await system.Http.SendAsync(SystemFixture.Authorized(
            HttpMethod.Post, $"api/users/{userId}/notifications", await system.UserTokenAsync(userId), Notification()));
        using var tokenResponse = await system.Http.PostAsJsonAsync("dev/token", new { service = "noscope" });
        var noScopeToken = (await ReadJsonAsync(tokenResponse)).GetProperty("token").GetString()!;
        using var withoutScope = await system.Http.SendAsync(SystemFixture.Authorized(
            HttpMethod.Post, $"api/users/{userId}/notifications", noScopeToken, Notification()));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutScope.StatusCode);
    }

    [Fact]
    public async Task QueryStringTokenIsIgnoredOutsideTheHub()
    {
        var token = await system.UserTokenAsync(NewUserId());

        using var response = await system.Http.GetAsync($"api/notifications?access_token={token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ServiceTokenCannotOpenTheHub()
    {
        var token = await system.ServiceTokenAsync();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(system.WebFront.BaseAddress, "hubs/notifications"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await using var _ = connection;

        var error = await Record.ExceptionAsync(() => connection.StartAsync().WaitAsync(HubClient.Timeout));

        Assert.IsType<HttpRequestException>(error);
        Assert.Equal(HttpStatusCode.Forbidden, ((HttpRequestException)error).StatusCode);
    }

    [Fact]
    public async Task HealthAndOpenApiAreServed()
    {
        using var live = await system.Http.GetAsync("health/live");
        using var ready = await system.Http.GetAsync("health/ready");
        var openApi = await system.Http.GetStringAsync("openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("/api/users/{userId}/notifications", openApi, StringComparison.Ordinal);
    }
}
