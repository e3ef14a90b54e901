namespace Notifications.Testing;

/// <summary>A silo host started from its built assembly as a separate process, as an operator would run it.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private SiloProcess(ChildProcess process, int siloPort, int gatewayPort)
    {
        Process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The running process.</summary>
    public ChildProcess Process { get; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; }

    /// <summary>Gateway port for clients.</summary>
    public int GatewayPort { get; }

    /// <summary>Starts a silo of the given cluster on free ports and waits until its gateway accepts connections.</summary>
    public static async Task<SiloProcess> StartAsync(
        string connectionString,
        string clusterId,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        int siloPort = FreePort.Next(), gatewayPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Silo__SiloPort"] = $"{siloPort}",
            ["Silo__GatewayPort"] = $"{gatewayPort}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = ChildProcess.Start(
            "silo", "dotnet", [BuiltAssembly.Find("Silo", "Notifications.Silo.dll")], environment);
        try
        {
            await FreePort.WaitUntilOpenAsync(gatewayPort, TimeSpan.FromSeconds(60), () => process.IsRunning, "silo");
        }
        catch (Exception exception)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"The silo did not start: {exception.Message}\n{process.RecentOutput}", exception);
        }

        return new SiloProcess(process, siloPort, gatewayPort);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
