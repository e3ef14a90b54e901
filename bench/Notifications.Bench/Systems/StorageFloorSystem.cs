using Notifications.Bench.Hosting;

namespace Notifications.Bench.Systems;

/// <summary>
/// System s: the storage floor, Azure.Data.Tables writing 1 KB entities to the Azurite that system a uses. It starts
/// nothing; its server process is that Azurite.
/// </summary>
public sealed class StorageFloorSystem(ChildProcess azurite) : SystemUnderTest
{
    public override string Key => "s";

    public override string Description => "Azure.Data.Tables, one 1 KB entity per send, same Azurite as system a";

    public override IReadOnlyList<ChildProcess> ServerProcesses => [azurite];

    public override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
