using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Notifications.WebFront.Health;

/// <summary>Ready when the Orleans client reaches the cluster and at least one silo is active.</summary>
internal sealed class OrleansClusterHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster is not reachable.", exception);
        }
    }
}
