using Notifications.Bench.Clients;
using Notifications.Bench.Hosting;
using Notifications.Bench.Load;

namespace Notifications.Bench.Systems;

/// <summary>
/// System c: a Node.js Socket.IO server with an in-memory map of users to sockets, a room per user and a pending
/// list delivered on connect (<c>bench/socketio/server.js</c>).
/// </summary>
public sealed class SocketIoSystem(BenchEnvironment environment) : NotificationSystem
{
    private ChildProcess? _server;
    private int _port;

    public override string Key => "c";

    public override string Description => "Node.js Socket.IO server, room per user, in-memory pending list";

    public override IReadOnlyList<ChildProcess> ServerProcesses => _server is null ? [] : [_server];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _port = PortAllocator.GetFreePort();
        await StartServerAsync(cancellationToken);
    }

    public override IClientFleet CreateFleet(ReceiptRouter router) => new SocketIoFleet(
        environment.RepositoryRoot, environment.LogDirectory, Api.BaseAddress, Api.GetUserTokenAsync, router);

    public override async Task<RestartTimes> RestartFrontendAsync(CancellationToken cancellationToken)
    {
        var stopRequested = MonotonicClock.NowNanoseconds();
        var old = _server!;
        await old.DisposeAsync();
        var stopped = MonotonicClock.NowNanoseconds();
        await StartServerAsync(cancellationToken);
        return new RestartTimes(stopRequested, stopped, MonotonicClock.NowNanoseconds(), old.WasKilled);
    }

    public override async ValueTask DisposeAsync()
    {
        DisposeApi();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(environment.RepositoryRoot, "bench", "socketio");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "socket.io")))
        {
            throw new DirectoryNotFoundException($"socket.io is not installed: run npm ci in {directory}.");
        }

        var variables = new Dictionary<string, string> { ["BENCH_SIGNING_KEY"] = environment.BaselineSigningKey };
        _server = ChildProcess.Start(
            "socketio-server", "node", ["server.js", "--port", $"{_port}"], variables, directory,
            environment.LogDirectory);

        var baseAddress = new Uri($"http://127.0.0.1:{_port}");
        await Readiness.WaitForHttpAsync(_server, baseAddress, TimeSpan.FromSeconds(30), cancellationToken);
        await ConnectApiAsync(baseAddress, cancellationToken);
    }
}
