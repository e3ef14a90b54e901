using Notifications.Bench.Hosting;

namespace Notifications.Bench.Systems;

/// <summary>A raw Kestrel WebSocket echo: the physical limit of a WebSocket round trip on this machine.</summary>
public sealed class EchoSystem(BenchEnvironment environment) : SystemUnderTest
{
    private ChildProcess? _server;

    public override string Key => "echo";

    public override string Description => "Raw Kestrel WebSocket echo (no protocol, no auth, no storage)";

    public override IReadOnlyList<ChildProcess> ServerProcesses => _server is null ? [] : [_server];

    public Uri EchoUrl { get; private set; } = new("ws://127.0.0.1/echo");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = PortAllocator.GetFreePort();
        var binary = environment.BinaryPath(
            "bench/Notifications.Bench.EchoServer", "Notifications.Bench.EchoServer");
        _server = ChildProcess.Start(
            "echo-server",
            "dotnet",
            [binary],
            BenchEnvironment.DotnetServerEnvironment(port),
            Path.GetDirectoryName(binary)!,
            environment.LogDirectory);
        await Readiness.WaitForHttpAsync(
            _server, new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromSeconds(60), cancellationToken);
        EchoUrl = new Uri($"ws://127.0.0.1:{port}/echo");
    }

    public override async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
