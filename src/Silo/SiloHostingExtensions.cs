using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Notifications.Grains;
using Orleans.Configuration;

namespace Notifications.Silo;

/// <summary>Wires a notification silo: clustering, grain state and notification rows, all on Azure Storage.</summary>
public static class SiloHostingExtensions
{
    /// <summary>Adds the Orleans silo with its storage, from the Orleans, Silo, Storage and Inbox sections.</summary>
    public static IHostApplicationBuilder AddNotificationSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.AddOptionsWithValidateOnStart<NotificationClusterOptions>()
            .BindConfiguration(NotificationClusterOptions.SectionName).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<SiloOptions>()
            .BindConfiguration(SiloOptions.SectionName).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptionsWithValidateOnStart<InboxOptions>()
            .BindConfiguration(InboxOptions.SectionName).ValidateDataAnnotations();

        // The Orleans builder needs these values now; the validation above stops the host before they are used.
        var cluster = configuration.GetSection(NotificationClusterOptions.SectionName).Get<NotificationClusterOptions>() ?? new();
        var silo = configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new();
        var inbox = configuration.GetSection(InboxOptions.SectionName).Get<InboxOptions>() ?? new();

        if (inbox.Storage == InboxStorageKind.Memory)
        {
            services.AddInMemoryNotificationStore();
        }
        else
        {
            services.AddAzureTableNotificationStore(storage.ConnectionString, storage.NotificationsTable);
        }

        builder.UseOrleans(siloBuilder =>
        {
            siloBuilder.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            siloBuilder.Configure<EndpointOptions>(options =>
            {
                options.AdvertisedIPAddress = IPAddress.Parse(silo.AdvertisedIPAddress);
                options.SiloPort = silo.SiloPort;
                options.GatewayPort = silo.GatewayPort;
            });
            siloBuilder.UseAzureStorageClustering(options =>
                options.TableServiceClient = new TableServiceClient(storage.ConnectionString));

            if (inbox.Storage == InboxStorageKind.Memory)
            {
                siloBuilder.AddMemoryGrainStorage("inbox");
            }
            else
            {
                siloBuilder.AddAzureTableGrainStorage("inbox", options =>
                {
                    options.TableServiceClient = new TableServiceClient(storage.ConnectionString);
                    options.TableName = storage.GrainStateTable;
                });
            }
        });

        return builder;
    }
}
