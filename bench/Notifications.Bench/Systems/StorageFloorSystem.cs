using Notifications.Bench.Hosting;

namespace Notifications.Bench.Systems;

/// <summary>
/// System s: the storage floor, Azure.Data.Tables writing 1 KB entities to its own Azurite, started with the same
/// build and flags as system a's. A fresh emulator for each keeps the comparison fair, because Azurite's write
/// latency grows with the rows it holds.
/// </summary>
public sealed class StorageFloorSystem(BenchEnvironment environment) : SystemUnderTest
{
    private Azurite? _azurite;

    public override string Key => "s";

    public override string Description =>
        "Azure.Data.Tables, one 1 KB entity per send, on a fresh Azurite started like system a's";

    public override IReadOnlyList<ChildProcess> ServerProcesses => _azurite is null ? [] : [_azurite.Process];

    public string StorageConnectionString =>
        _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public override async Task StartAsync(CancellationToken cancellationToken) =>
        _azurite = await Azurite.StartAsync(environment, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
