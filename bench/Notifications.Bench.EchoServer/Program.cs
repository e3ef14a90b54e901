using System.Net.WebSockets;

// Raw Kestrel WebSocket echo at /echo, with no framing protocol, authentication or storage: the physical limit
// of a WebSocket round trip on this machine. Bind it with ASPNETCORE_URLS.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseWebSockets();

app.MapGet("/health/ready", () => Results.Ok());
app.Map("/echo", async context =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    var buffer = new byte[64 * 1024];
    while (true)
    {
        var received = await socket.ReceiveAsync(buffer.AsMemory(), context.RequestAborted);
        if (received.MessageType == WebSocketMessageType.Close)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            return;
        }

        await socket.SendAsync(
            buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
    }
});

app.Run();
