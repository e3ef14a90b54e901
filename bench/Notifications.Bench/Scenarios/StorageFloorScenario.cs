using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Notifications.Bench.Clients;
using Notifications.Bench.Load;
using Notifications.Bench.Systems;

namespace Notifications.Bench.Scenarios;

/// <summary>
/// The storage floor: the same open-loop sweep as the notification systems, where each operation writes one 1 KB
/// entity to Azurite, partitioned by the base population's user ids. The table client opens at most as many HTTP
/// connections as the harness opens to a notification server.
/// </summary>
public sealed class StorageFloorScenario(ScenarioContext context, LoadScenarios load)
{
    public async Task RunAsync(StorageFloorSystem floor)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = NotificationApi.MaxConnections };
        using var http = new HttpClient(handler);
        var options = new TableClientOptions { Transport = new HttpClientTransport(http) };
        var service = new TableServiceClient(floor.StorageConnectionString, options);
        var table = service.GetTableClient("benchfloor");
        await table.CreateIfNotExistsAsync(context.CancellationToken);

        var partitionKeys = FleetUser.Create("base", context.Profile.Users, mixedConnections: false)
            .Select(user => user.UserId)
            .ToList();
        var target = new TableWriteLoadTarget(table, partitionKeys);
        await context.RunStepAsync(
            floor, "warm-up", context.Profile.SweepStartRate, context.Profile.WarmupDuration, target);
        await load.LowRateAsync(floor, target);
        await load.KneeAsync(floor, target);
    }
}
