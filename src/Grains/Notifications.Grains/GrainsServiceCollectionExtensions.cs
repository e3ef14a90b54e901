using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Notifications.Grains;

/// <summary>Registers the notification grains' services.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>Stores notification rows in the given Azure table.</summary>
    public static IServiceCollection AddAzureTableNotificationStore(
        this IServiceCollection services,
        string connectionString,
        string tableName)
    {
        services.AddSingleton<INotificationStore>(provider => new AzureTableNotificationStore(
            new TableServiceClient(connectionString).GetTableClient(tableName),
            provider.GetRequiredService<ILogger<AzureTableNotificationStore>>()));
        return services;
    }

    /// <summary>Keeps notification rows in process memory: for tests and benchmarks only.</summary>
    public static IServiceCollection AddInMemoryNotificationStore(this IServiceCollection services)
    {
        services.AddSingleton<INotificationStore, InMemoryNotificationStore>();
        return services;
    }
}
