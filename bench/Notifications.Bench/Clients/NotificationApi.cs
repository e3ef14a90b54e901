using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Notifications.Bench.Load;

namespace Notifications.Bench.Clients;

/// <summary>
/// The send API that every notification system serves: <c>POST /dev/token</c>,
/// <c>POST /api/users/{userId}/notifications</c> and <c>POST /api/notifications/bulk</c>.
/// </summary>
public sealed class NotificationApi : IDisposable
{
    /// <summary>HTTP/1.1 connections the harness opens to one server at most, for every system alike.</summary>
    public const int MaxConnections = 128;

    private const string Body =
        "Your order has shipped and is on its way. Track the parcel from the orders page at any time, day or night.";

    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private static readonly string[] s_sendScopes = ["notifications.send"];

    private readonly HttpClient _http;
    private AuthenticationHeaderValue? _serviceAuthorization;

    public NotificationApi(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = MaxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Gets a service token with the notifications.send scope from <c>POST /dev/token</c>.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var token = await RequestTokenAsync(
            new { service = "bench", scopes = s_sendScopes }, cancellationToken);
        _serviceAuthorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Task<string> GetUserTokenAsync(string userId, CancellationToken cancellationToken) =>
        RequestTokenAsync(new { userId }, cancellationToken);

    /// <summary>Sends one notification whose title carries the operation id; true when the server accepted it.</summary>
    public async Task<bool> SendAsync(string userId, long operationId, CancellationToken cancellationToken)
    {
        var json = $$"""{"type":"message:received","title":"{{ReceiptRouter.Title(operationId)}}","body":"{{Body}}"}""";
        using var request = new HttpRequestMessage(
            HttpMethod.Post, new Uri($"/api/users/{Uri.EscapeDataString(userId)}/notifications", UriKind.Relative));
        request.Headers.Authorization = _serviceAuthorization;
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        request.Content.Headers.ContentType = s_json;
        using var response = await _http.SendAsync(request, cancellationToken);
        return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK;
    }

    /// <summary>Sends one notification to many users in one bulk request; true when the server accepted it.</summary>
    public async Task<bool> SendBulkAsync(
        IReadOnlyList<string> userIds, long operationId, CancellationToken cancellationToken)
    {
        var body = new
        {
            userIds,
            notification = new { type = "system:alert", title = ReceiptRouter.Title(operationId), body = Body },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/notifications/bulk", UriKind.Relative));
        request.Headers.Authorization = _serviceAuthorization;
        request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> RequestTokenAsync(object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("/dev/token", UriKind.Relative), body, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("token").GetString()
               ?? throw new InvalidOperationException("POST /dev/token returned no token.");
    }
}
