using System.ComponentModel.DataAnnotations;
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

        // The Orleans builder needs these values now, and Orleans rejects some of them (port 0) with messages that
        // do not name the setting, so they are validated here already.
        var cluster = BindValidated<NotificationClusterOptions>(configuration, NotificationClusterOptions.SectionName);
        var silo = BindValidated<SiloOptions>(configuration, SiloOptions.SectionName);
        var storage = BindValidated<StorageOptions>(configuration, StorageOptions.SectionName);
        var inbox = BindValidated<InboxOptions>(configuration, InboxOptions.SectionName);

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

    private static T BindValidated<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T), errors.Select(error => error.ErrorMessage ?? section));
        }

        return options;
    }
}
