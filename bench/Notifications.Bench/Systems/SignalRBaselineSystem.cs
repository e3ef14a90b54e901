using Notifications.Bench.Clients;
using Notifications.Bench.Hosting;
using Notifications.Bench.Load;

namespace Notifications.Bench.Systems;

/// <summary>System b: a bare SignalR hub that sends with Clients.User and stores nothing.</summary>
public sealed class SignalRBaselineSystem(BenchEnvironment environment) : NotificationSystem
{
    private ChildProcess? _server;
    private int _port;

    public override string Key => "b";

    public override string Description => "Bare ASP.NET Core SignalR hub, Clients.User, stores nothing";

    public override IReadOnlyList<ChildProcess> ServerProcesses => _server is null ? [] : [_server];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _port = PortAllocator.GetFreePort();
        await StartServerAsync(cancellationToken);
    }

    public override IClientFleet CreateFleet(ReceiptRouter router) => new SignalRFleet(
        new Uri(Api.BaseAddress, "/hubs/notifications"), Api.GetUserTokenAsync, router, syncOnReconnect: false);

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
        var binary = environment.BinaryPath(
            "bench/Notifications.Bench.SignalRBaseline", "Notifications.Bench.SignalRBaseline");
        var variables = BenchEnvironment.DotnetServerEnvironment(_port);
        variables["BENCH_SIGNING_KEY"] = environment.BaselineSigningKey;
        _server = ChildProcess.Start(
            "signalr-baseline", "dotnet", [binary], variables, Path.GetDirectoryName(binary)!, environment.LogDirectory);

        var baseAddress = new Uri($"http://127.0.0.1:{_port}");
        await Readiness.WaitForHttpAsync(_server, baseAddress, TimeSpan.FromSeconds(60), cancellationToken);
        await ConnectApiAsync(baseAddress, cancellationToken);
    }
}
