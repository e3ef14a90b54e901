using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Notifications.Bench.Load;

namespace Notifications.Bench.Clients;

/// <summary>
/// Socket.IO connections held by a Node.js process running <c>bench/socketio/client.js</c> with the official
/// socket.io-client, which the harness drives over standard input and output. The process stamps each receipt with
/// CLOCK_MONOTONIC, so latencies are measured the same way as for the SignalR fleet.
/// </summary>
public sealed class SocketIoFleet : IClientFleet
{
    private static readonly TimeSpan s_replyTimeout = TimeSpan.FromMinutes(3);

    private readonly Uri _serverUrl;
    private readonly Func<string, CancellationToken, Task<string>> _getUserToken;
    private readonly ReceiptRouter _router;
    private readonly Process _node;
    private readonly Task _reader;
    private readonly Lock _replyLock = new();
    private readonly StreamWriter _stderrLog;
    private TaskCompletionSource<string>? _pendingReply;
    private int _connectionCount;

    public SocketIoFleet(
        string repositoryRoot,
        string logDirectory,
        Uri serverUrl,
        Func<string, CancellationToken, Task<string>> getUserToken,
        ReceiptRouter router)
    {
        _serverUrl = serverUrl;
        _getUserToken = getUserToken;
        _router = router;

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(repositoryRoot, "bench", "socketio"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("client.js");

        Directory.CreateDirectory(logDirectory);
        _stderrLog = new StreamWriter(Path.Combine(logDirectory, $"socketio-client-{DateTime.UtcNow:HHmmss-fff}.log"))
        {
            AutoFlush = true,
        };
        _node = new Process { StartInfo = startInfo };
        _node.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_replyLock)
                {
                    _stderrLog.WriteLine(line.Data);
                }
            }
        };
        _node.Start();
        ClientProcessorTime.Register(_node);
        _node.BeginErrorReadLine();
        _reader = Task.Run(ReadOutputAsync);
    }

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public async Task ConnectAsync(IReadOnlyList<FleetUser> users, CancellationToken cancellationToken)
    {
        var clients = new List<object>();
        foreach (var user in users)
        {
            var token = await _getUserToken(user.UserId, cancellationToken);
            for (var i = 0; i < user.Connections; i++)
            {
                clients.Add(new { user = user.UserId, token });
            }
        }

        var command = new { cmd = "connect", url = _serverUrl.ToString().TrimEnd('/'), clients, parallel = 50 };
        var reply = await RequestAsync(JsonSerializer.Serialize(command), cancellationToken);
        var parts = reply.Split(' ');
        var failed = int.Parse(parts[2], CultureInfo.InvariantCulture);
        Interlocked.Add(ref _connectionCount, clients.Count);
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {clients.Count} Socket.IO connections failed to connect.");
        }
    }

    public async Task<int> CountConnectedAsync(CancellationToken cancellationToken)
    {
        var reply = await RequestAsync("""{"cmd":"status"}""", cancellationToken);
        return int.Parse(reply.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            try
            {
                await _node.StandardInput.WriteLineAsync("""{"cmd":"close"}""");
                await _node.StandardInput.FlushAsync();
            }
            catch (IOException)
            {
                // The process already closed its input.
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _node.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _node.Kill();
                await _node.WaitForExitAsync();
            }
        }

        await _reader;
        ClientProcessorTime.Unregister(_node);
        _node.Dispose();
        lock (_replyLock)
        {
            _stderrLog.Dispose();
        }
    }

    /// <summary>Sends one command and waits for its one-line reply; commands are sent one at a time.</summary>
    private async Task<string> RequestAsync(string command, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_replyLock)
        {
            if (_pendingReply is not null)
            {
                throw new InvalidOperationException("A Socket.IO client command is already waiting for its reply.");
            }

            _pendingReply = reply;
        }

        await _node.StandardInput.WriteLineAsync(command);
        await _node.StandardInput.FlushAsync(cancellationToken);
        try
        {
            return await reply.Task.WaitAsync(s_replyTimeout, cancellationToken);
        }
        finally
        {
            lock (_replyLock)
            {
                _pendingReply = null;
            }
        }
    }

    private async Task ReadOutputAsync()
    {
        var output = _node.StandardOutput;
        while (await output.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("r ", StringComparison.Ordinal))
            {
                // "r RECEIVED_NS TITLE"
                var secondSpace = line.IndexOf(' ', 2);
                var received = long.Parse(line.AsSpan(2, secondSpace - 2), CultureInfo.InvariantCulture);
                _router.OnReceipt(line[(secondSpace + 1)..], received);
            }
            else if (line.StartsWith("connected ", StringComparison.Ordinal) ||
                     line.StartsWith("status ", StringComparison.Ordinal))
            {
                TaskCompletionSource<string>? reply;
                lock (_replyLock)
                {
                    reply = _pendingReply;
                }

                reply?.TrySetResult(line);
            }
        }
    }
}
