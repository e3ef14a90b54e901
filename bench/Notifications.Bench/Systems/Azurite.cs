using Notifications.Bench.Hosting;

namespace Notifications.Bench.Systems;

/// <summary>Azurite, the Azure Storage emulator, installed by <c>npm ci</c> at the repository root.</summary>
public sealed class Azurite : IAsyncDisposable
{
    // The emulator's published development account and key; they grant access to nothing but a local emulator.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _dataDirectory;

    private Azurite(ChildProcess process, string dataDirectory, int blobPort, int queuePort, int tablePort)
    {
        Process = process;
        _dataDirectory = dataDirectory;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
    }

    public ChildProcess Process { get; }

    public string ConnectionString { get; }

    /// <summary>Starts Azurite as one Node.js process with its data in a new temporary folder.</summary>
    public static async Task<Azurite> StartAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("bench-azurite-").FullName;
        var blobPort = PortAllocator.GetFreePort();
        var queuePort = PortAllocator.GetFreePort();
        var tablePort = PortAllocator.GetFreePort();
        var script = Path.Combine(environment.RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"Azurite is not installed at {script}: run npm ci at the repository root.");
        }

        string[] arguments =
        [
            script, "--silent", "--disableTelemetry", "--skipApiVersionCheck",
            "--location", dataDirectory,
            "--blobPort", $"{blobPort}", "--queuePort", $"{queuePort}", "--tablePort", $"{tablePort}",
        ];
        var process = ChildProcess.Start(
            "azurite", "node", arguments, new Dictionary<string, string>(), environment.RepositoryRoot,
            environment.LogDirectory);
        var azurite = new Azurite(process, dataDirectory, blobPort, queuePort, tablePort);
        await Readiness.WaitForPortAsync(process, tablePort, TimeSpan.FromSeconds(30), cancellationToken);
        await Readiness.WaitForPortAsync(process, blobPort, TimeSpan.FromSeconds(30), cancellationToken);
        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
