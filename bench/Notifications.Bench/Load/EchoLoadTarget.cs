using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace Notifications.Bench.Load;

/// <summary>
/// Sends 256-byte messages, about the size of a notification event, over many WebSockets to the echo server; the
/// echo is the receipt. Each socket has one writer loop because a WebSocket takes one send at a time.
/// </summary>
public sealed class EchoLoadTarget : ILoadTarget, IAsyncDisposable
{
    private const int MessageBytes = 256;

    private readonly List<EchoConnection> _connections = [];
    private readonly ReceiptRouter _router;

    private EchoLoadTarget(ReceiptRouter router) => _router = router;

    public static async Task<EchoLoadTarget> ConnectAsync(
        Uri url, int connections, ReceiptRouter router, CancellationToken cancellationToken)
    {
        var target = new EchoLoadTarget(router);
        for (var i = 0; i < connections; i++)
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(url, cancellationToken);
            target._connections.Add(new EchoConnection(socket, router));
        }

        return target;
    }

    public int ExpectedReceipts(int index) => 1;

    public void Start(StepTracker tracker, int index)
    {
        tracker.MarkSending(index);
        _connections[index % _connections.Count].Enqueue(tracker, index);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        GC.KeepAlive(_router);
    }

    private sealed class EchoConnection : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly ReceiptRouter _router;
        private readonly Channel<(StepTracker Tracker, int Index)> _outgoing =
            Channel.CreateUnbounded<(StepTracker, int)>(new UnboundedChannelOptions { SingleReader = true });

        private readonly Task _writer;
        private readonly Task _reader;

        public EchoConnection(ClientWebSocket socket, ReceiptRouter router)
        {
            _socket = socket;
            _router = router;
            _writer = Task.Run(WriteAsync);
            _reader = Task.Run(ReadAsync);
        }

        public void Enqueue(StepTracker tracker, int index) => _outgoing.Writer.TryWrite((tracker, index));

        public async ValueTask DisposeAsync()
        {
            _outgoing.Writer.TryComplete();
            await _writer;
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The server went away first.
            }

            await _reader;
            _socket.Dispose();
        }

        private async Task WriteAsync()
        {
            var message = new byte[MessageBytes];
            await foreach (var (tracker, index) in _outgoing.Reader.ReadAllAsync())
            {
                BinaryPrimitives.WriteInt64LittleEndian(message, tracker.OperationId(index));
                var accepted = true;
                try
                {
                    await _socket.SendAsync(message, WebSocketMessageType.Binary, true, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    accepted = false;
                }

                tracker.MarkSent(index, accepted, MonotonicClock.NowNanoseconds());
            }
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[MessageBytes];
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    // Messages are small enough to arrive whole in practice; a split one is read on as its parts.
                    if (received.EndOfMessage && received.Count >= sizeof(long))
                    {
                        _router.OnReceipt(BinaryPrimitives.ReadInt64LittleEndian(buffer), MonotonicClock.NowNanoseconds());
                    }
                }
            }
            catch (WebSocketException)
            {
                // The connection closed.
            }
        }
    }
}
