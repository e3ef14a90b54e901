using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Testing;

namespace Notifications.WebFront.Tests;

/// <summary>
/// The whole system as separate processes on loopback: a real Azurite, a silo and the WebFront.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private static readonly string[] SendScopes = ["notifications.send"];

    private readonly string _clusterId = $"tests-{Guid.NewGuid():N}"[..20];

    public AzuriteServer Azurite { get; private set; } = null!;

    public SiloProcess Silo { get; private set; } = null!;

    public WebFrontProcess WebFront { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Silo = await SiloProcess.StartAsync(Azurite.ConnectionString, _clusterId);
        await StartFrontendAsync(Azurite, _clusterId);
    }

    /// <summary>Starts only the frontend, against storage and silos that the caller started and owns.</summary>
    public async Task StartFrontendAsync(AzuriteServer azurite, string clusterId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        WebFront = await WebFrontProcess.StartAsync(azurite.ConnectionString, clusterId, all);
        Http = new HttpClient { BaseAddress = WebFront.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Stops the frontend started by <see cref="StartFrontendAsync"/>.</summary>
    public async Task StopFrontendAsync()
    {
        Http?.Dispose();
        if (WebFront is not null)
        {
            await WebFront.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await StopFrontendAsync();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }

    /// <summary>Returns a development token for a user.</summary>
    public Task<string> UserTokenAsync(string userId) => TokenAsync(new { userId });

    /// <summary>Returns a development token for a service with the send scope.</summary>
    public Task<string> ServiceTokenAsync(string service = "shop") =>
        TokenAsync(new { service, scopes = SendScopes });

    /// <summary>Returns an HTTP request with a bearer token.</summary>
    public static HttpRequestMessage Authorized(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>Sends a notification over HTTP as a service and returns the response.</summary>
    public async Task<HttpResponseMessage> SendAsync(string userId, object notification, string? idempotencyKey = null)
    {
        using var request = Authorized(HttpMethod.Post, $"api/users/{userId}/notifications", await ServiceTokenAsync(), notification);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Opens a hub connection for a user and starts recording its events.</summary>
    public async Task<HubClient> ConnectAsync(string userId)
    {
        var token = await UserTokenAsync(userId);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(WebFront.BaseAddress, "hubs/notifications"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol()
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(15));
        return client;
    }

    private async Task<string> TokenAsync(object body)
    {
        using var response = await Http.PostAsJsonAsync("dev/token", body);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return token!.Token;
    }

    private sealed record TokenResponse(string Token);
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "System";
}
