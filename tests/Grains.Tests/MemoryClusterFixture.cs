using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Notifications.Grains.Tests;

/// <summary>
/// A two-silo test cluster with in-memory grain state and notification rows, for tests of grain logic.
/// </summary>
public sealed class MemoryClusterFixture : IAsyncLifetime
{
    /// <summary>Inbox size of this cluster, small enough that retention tests stay fast.</summary>
    public const int MaxInboxSize = 20;

    /// <summary>Observer expiry of this cluster, short enough that the expiry test stays fast.</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromSeconds(5);

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage("inbox");
            siloBuilder.Services.AddInMemoryNotificationStore();
            siloBuilder.Services.Configure<InboxOptions>(options =>
            {
                options.MaxInboxSize = MaxInboxSize;
                options.ObserverExpiry = ObserverExpiry;
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MemoryClusterCollection : ICollectionFixture<MemoryClusterFixture>
{
    public const string Name = "Memory cluster";
}
