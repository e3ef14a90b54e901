using Notifications.Bench.Clients;
using Notifications.Bench.Hosting;
using Notifications.Bench.Load;

namespace Notifications.Bench.Systems;

/// <summary>
/// Our system end to end: Azurite, one silo and one WebFront, started in that order. With in-memory inbox
/// storage (system a-mem) Azurite still stores the cluster membership table.
/// </summary>
public sealed class OrleansSystem(BenchEnvironment environment, bool inMemoryInbox) : NotificationSystem
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);

    private readonly string _clusterId = $"bench-{Guid.NewGuid():N}"[..20];
    private Azurite? _azurite;
    private ChildProcess? _silo;
    private ChildProcess? _webFront;
    private int _webFrontPort;

    public override string Key => inMemoryInbox ? "a-mem" : "a";

    public override string Description => inMemoryInbox
        ? "Orleans silo + WebFront, in-memory inbox storage (Azurite for membership only)"
        : "Orleans silo + WebFront, inbox in Azure Table Storage on Azurite";

    public override bool SupportsSync => true;

    public override IReadOnlyList<ChildProcess> ServerProcesses =>
        _silo is null || _webFront is null ? [] : [_silo, _webFront];

    public override IReadOnlyList<ChildProcess> CpuProcesses =>
        _azurite is null ? ServerProcesses : [.. ServerProcesses, _azurite.Process];

    /// <summary>The Azurite process, measured apart from the server processes.</summary>
    public ChildProcess? StorageProcess => _azurite?.Process;

    public string StorageConnectionString =>
        _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _azurite = await Azurite.StartAsync(environment, cancellationToken);

        var siloPort = PortAllocator.GetFreePort();
        var gatewayPort = PortAllocator.GetFreePort();
        var siloEnvironment = OrleansEnvironment(PortAllocator.GetFreePort());
        siloEnvironment["Silo__SiloPort"] = $"{siloPort}";
        siloEnvironment["Silo__GatewayPort"] = $"{gatewayPort}";
        var siloBinary = environment.BinaryPath("src/Silo", "Notifications.Silo");
        _silo = ChildProcess.Start(
            "silo", "dotnet", [siloBinary], siloEnvironment, Path.GetDirectoryName(siloBinary)!, environment.LogDirectory);
        await Readiness.WaitForPortAsync(_silo, gatewayPort, s_startTimeout, cancellationToken);

        _webFrontPort = PortAllocator.GetFreePort();
        await StartWebFrontAsync(cancellationToken);
    }

    public override IClientFleet CreateFleet(ReceiptRouter router) => new SignalRFleet(
        new Uri(Api.BaseAddress, "/hubs/notifications"), Api.GetUserTokenAsync, router, syncOnReconnect: true);

    public override async Task<RestartTimes> RestartFrontendAsync(CancellationToken cancellationToken)
    {
        var stopRequested = MonotonicClock.NowNanoseconds();
        var old = _webFront!;
        await old.DisposeAsync();
        var stopped = MonotonicClock.NowNanoseconds();
        await StartWebFrontAsync(cancellationToken);
        return new RestartTimes(stopRequested, stopped, MonotonicClock.NowNanoseconds(), old.WasKilled);
    }

    public override async ValueTask DisposeAsync()
    {
        DisposeApi();

        // Frontend first, then the silo, then storage: the reverse of the start order.
        if (_webFront is not null)
        {
            await _webFront.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private async Task StartWebFrontAsync(CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{_webFrontPort}");
        var binary = environment.BinaryPath("src/WebFront", "Notifications.WebFront");
        _webFront = ChildProcess.Start(
            "webfront",
            "dotnet",
            [binary],
            OrleansEnvironment(_webFrontPort),
            Path.GetDirectoryName(binary)!,
            environment.LogDirectory);
        await Readiness.WaitForHttpAsync(_webFront, baseAddress, s_startTimeout, cancellationToken);
        await ConnectApiAsync(baseAddress, cancellationToken);
    }

    private Dictionary<string, string> OrleansEnvironment(int httpPort)
    {
        var variables = BenchEnvironment.DotnetServerEnvironment(httpPort);
        variables["Storage__ConnectionString"] = StorageConnectionString;
        variables["Orleans__ClusterId"] = _clusterId;
        variables["Inbox__Storage"] = inMemoryInbox ? "Memory" : "AzureTable";
        return variables;
    }
}
