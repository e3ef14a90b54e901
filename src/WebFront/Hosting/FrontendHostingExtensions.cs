using Microsoft.AspNetCore.SignalR;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Notifications.WebFront.Api;
using Notifications.WebFront.Auth;
using Notifications.WebFront.Health;
using Notifications.WebFront.Hubs;
using Notifications.WebFront.Observers;
using Orleans.Configuration;

namespace Notifications.WebFront.Hosting;

/// <summary>Wires the frontend: Orleans client, hub, HTTP API, authentication, health and the web client.</summary>
public static class FrontendHostingExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>Adds the frontend's services from the Orleans, Storage and Auth configuration sections.</summary>
    public static WebApplicationBuilder AddNotificationFrontend(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptionsWithValidateOnStart<OrleansClientOptions>()
            .BindConfiguration(OrleansClientOptions.SectionName).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations();

        // The Orleans client builder needs these values now; the validation above stops the host before they are used.
        var orleans = builder.Configuration.GetSection(OrleansClientOptions.SectionName).Get<OrleansClientOptions>() ?? new();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new();

        services.AddSingleton(_ => new TableServiceClient(storage.ConnectionString));
        services.AddSingleton<NotificationRelay>();
        services.AddSingleton<ObserverRegistry>();
        services.AddSingleton<ObserverRenewalService>();
        services.AddHostedService(provider => provider.GetRequiredService<ObserverRenewalService>());
        services.AddHostedService<SiloMembershipWatcher>();

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = orleans.ClusterId;
                options.ServiceId = orleans.ServiceId;
            });
            client.UseAzureStorageClustering(options =>
                options.TableServiceClient = new TableServiceClient(storage.ConnectionString));

            // A silo that left may have hosted grains of connected users; their new activations know no observers.
            client.AddGatewayCountChangedHandler(provider => (_, change) =>
                provider.GetRequiredService<ObserverRenewalService>()
                    .OnGatewayCountChanged(change.PreviousNumberOfConnectedGateways, change.NumberOfConnectedGateways));
        });

        services.AddNotificationAuthentication();
        services.AddSignalR(options => options.AddFilter<ValidationHubFilter>())
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new UtcTimestampConverter()));
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new UtcTimestampConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<NotificationExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<OrleansClusterHealthCheck>("orleans", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Maps the hub, the HTTP API, health endpoints, the OpenAPI document and the web client.</summary>
    public static WebApplication MapNotificationFrontend(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHub<NotificationHub>(AuthenticationExtensions.HubPath);
        app.MapInboxEndpoints();
        app.MapSendEndpoints();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });

        if (app.Environment.IsDevelopment())
        {
            app.MapDevTokenEndpoint();
        }

        return app;
    }
}
