namespace Notifications.Testing;

/// <summary>
/// A real Azurite started from the repository's node_modules on free loopback ports, with its data in a new
/// temporary folder that is removed on dispose.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Account key of Azurite's well-known development account.</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess _process;
    private readonly string _dataDirectory;

    private AzuriteServer(ChildProcess process, string dataDirectory, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        TablePort = tablePort;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={DevelopmentAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    /// <summary>Connection string with explicit endpoints on this server's ports.</summary>
    public string ConnectionString { get; }

    /// <summary>Port of the Table service.</summary>
    public int TablePort { get; }

    /// <summary>Starts Azurite and waits until its Table service accepts connections.</summary>
    public static async Task<AzuriteServer> StartAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {script}: run 'npm ci' in the repository root (scripts/test.sh does).");
        }

        var dataDirectory = Directory.CreateTempSubdirectory("notifications-azurite-").FullName;
        int blobPort = FreePort.Next(), queuePort = FreePort.Next(), tablePort = FreePort.Next();

        // Started as one node process, so that stopping this PID stops the server.
        var process = ChildProcess.Start(
            "Azurite",
            "node",
            [
                script, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", dataDirectory,
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", $"{blobPort}", "--queuePort", $"{queuePort}", "--tablePort", $"{tablePort}",
            ]);
        var server = new AzuriteServer(process, dataDirectory, blobPort, queuePort, tablePort);
        try
        {
            await FreePort.WaitUntilOpenAsync(blobPort, TimeSpan.FromSeconds(30), () => process.IsRunning, "Azurite");
            await FreePort.WaitUntilOpenAsync(tablePort, TimeSpan.FromSeconds(30), () => process.IsRunning, "Azurite");
        }
        catch (Exception exception)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"Azurite did not start: {exception.Message}\n{process.RecentOutput}", exception);
        }

        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temporary folder is cleaned by the OS later.
        }
    }
}
