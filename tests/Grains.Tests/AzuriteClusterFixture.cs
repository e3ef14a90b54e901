using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Testing;
using Orleans.TestingHost;

namespace Notifications.Grains.Tests;

/// <summary>
/// A real Azurite and a test cluster whose grain state and notification rows live in it; the cluster can be
/// restarted on the same storage.
/// </summary>
public sealed class AzuriteClusterFixture : IAsyncLifetime
{
    public const int MaxInboxSize = 20;
    public const string NotificationsTable = "notifications";
    public const string GrainStateTable = "inboxsummaries";

    private const string ConnectionStringKey = "Storage:ConnectionString";

    public AzuriteServer Azurite { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public TableServiceClient Tables => new(Azurite.ConnectionString);

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Cluster = await DeployAsync();
    }

    /// <summary>Stops every silo and deploys a new cluster on the same storage.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Cluster = await DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }

    private async Task<TestCluster> DeployAsync()
    {
        var builder = new TestClusterBuilder(1);

        // Grain state is keyed by service id, which the test host otherwise makes new for every cluster.
        builder.Options.ServiceId = "persistence-tests";
        builder.Properties[ConnectionStringKey] = Azurite.ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionStringKey]
                ?? throw new InvalidOperationException($"{ConnectionStringKey} did not reach the silo configuration.");
            siloBuilder.AddAzureTableGrainStorage("inbox", options =>
            {
                options.TableServiceClient = new TableServiceClient(connectionString);
                options.TableName = GrainStateTable;
            });
            siloBuilder.Services.AddAzureTableNotificationStore(connectionString, NotificationsTable);
            siloBuilder.Services.Configure<InboxOptions>(options => options.MaxInboxSize = MaxInboxSize);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteClusterCollection : ICollectionFixture<AzuriteClusterFixture>
{
    public const string Name = "Azurite cluster";
}
