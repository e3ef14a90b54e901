using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Notifications.Testing;
using Xunit.Abstractions;

namespace Notifications.WebFront.Tests;

/// <summary>
/// Two silos and a frontend; one silo is killed while users are connected. Live delivery must come back without the
/// clients doing anything, through the frontend re-attaching its observer to grains that moved.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Users = 12;
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    private readonly string _clusterId = $"failover-{Guid.NewGuid():N}"[..20];
    private AzuriteServer? _azurite;
    private SiloProcess? _victim;
    private SiloProcess? _survivor;
    private SystemFixture? _system;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        var siloSettings = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Orleans"] = "Information",
            ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        _victim = await SiloProcess.StartAsync(_azurite.ConnectionString, _clusterId, siloSettings);
        _survivor = await SiloProcess.StartAsync(_azurite.ConnectionString, _clusterId, siloSettings);

        // A renewal interval far beyond the test's limit leaves only the gateway-change path to restore delivery.
        _system = new SystemFixture();
        await _system.StartFrontendAsync(_azurite, _clusterId, new Dictionary<string, string>
        {
            ["Orleans__ObserverRefreshInterval"] = "00:10:00",
            ["Logging__LogLevel__Notifications"] = "Debug",
            ["Logging__LogLevel__Orleans"] = "Information",
            ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
        });
    }

    public async Task DisposeAsync()
    {
        if (_system is not null)
        {
            await _system.StopFrontendAsync();
        }

        foreach (var silo in new[] { _survivor, _victim })
        {
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task LiveDeliveryResumesAfterSiloDies()
    {
        var system = _system!;
        var users = Enumerable.Range(0, Users).Select(i => $"failover-{i}-{Guid.NewGuid():N}").ToArray();
        var clients = new List<HubClient>();
        try
        {
            foreach (var user in users)
            {
                var client = await system.ConnectAsync(user);
                await client.NextBatchAsync();
                clients.Add(client);
            }

            // Activate every grain, spread over both silos, and check delivery before the failure.
            for (var i = 0; i < Users; i++)
            {
                using var response = await system.SendAsync(users[i], new { type = "system:alert", title = "before" });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                Assert.Equal("before", (await clients[i].NextNewAsync()).Notification.Title);
            }

            var clock = Stopwatch.StartNew();
            await _victim!.Process.KillAsync();

            // Until the frontend has re-attached, a stored notification may miss live delivery; clients catch up with
            // Sync. So each user gets probes until one arrives live, and then Sync must return every stored probe.
            var slowest = TimeSpan.Zero;
            for (var i = 0; i < Users; i++)
            {
                var stored = new List<string>();
                while (true)
                {
                    var title = $"after-{i}-{stored.Count}";
                    await SendWithRetryAsync(system, users[i], title);
                    stored.Add(title);
                    var live = await NextLiveOrNullAsync(clients[i], TimeSpan.FromSeconds(1));
                    if (live is not null)
                    {
                        Assert.Equal(title, live.Notification.Title);
                        break;
                    }

                    Assert.True(clock.Elapsed < RecoveryLimit, $"No live delivery to user {i} within {RecoveryLimit.TotalSeconds} s.");
                }

                slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                var sync = await clients[i].Connection.InvokeAsync<HubClient.SyncResponse>("Sync", 1L, 100).WaitAsync(HubClient.Timeout);
                Assert.Equal(stored, sync.Notifications.Select(n => n.Title));
            }

            output.WriteLine($"Live delivery reached all {Users} users {slowest.TotalSeconds:0.0} s after the silo was killed.");
        }
        catch
        {
            output.WriteLine("WebFront output:");
            output.WriteLine(system.WebFront.Process.RecentOutput);
            output.WriteLine("Surviving silo output:");
            output.WriteLine(_survivor!.Process.RecentOutput);
            throw;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task<HubClient.NewEvent?> NextLiveOrNullAsync(HubClient client, TimeSpan wait)
    {
        try
        {
            return await client.NextNewAsync(wait);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    // A send may fail while the cluster has not yet declared the silo dead; the idempotency key makes retries safe.
    private static async Task SendWithRetryAsync(SystemFixture system, string userId, string title)
    {
        var deadline = DateTime.UtcNow + RecoveryLimit;
        while (true)
        {
            try
            {
                using var response = await system.SendAsync(userId, new { type = "system:alert", title }, idempotencyKey: title);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"Sending to {userId} did not succeed within {RecoveryLimit.TotalSeconds} s.");
            await Task.Delay(500);
        }
    }
}
