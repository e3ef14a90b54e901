namespace Notifications.Testing;

/// <summary>The WebFront started from its built assembly as a separate process in the Development environment.</summary>
public sealed class WebFrontProcess : IAsyncDisposable
{
    private WebFrontProcess(ChildProcess process, Uri baseAddress)
    {
        Process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The running process.</summary>
    public ChildProcess Process { get; }

    /// <summary>Address of the frontend on 127.0.0.1.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the frontend on a free port and waits until <c>/health/ready</c> returns 200.</summary>
    public static async Task<WebFrontProcess> StartAsync(
        string connectionString,
        string clusterId,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/'),
            ["Storage__ConnectionString"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var assembly = BuiltAssembly.Find("WebFront", "Notifications.WebFront.dll");
        var process = ChildProcess.Start(
            "WebFront", "dotnet", [assembly], environment, workingDirectory: Path.Combine(RepositoryPaths.Root, "src", "WebFront"));
        var frontend = new WebFrontProcess(process, baseAddress);
        try
        {
            await frontend.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception exception)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException($"The WebFront did not start: {exception.Message}\n{process.RecentOutput}", exception);
        }

        return frontend;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!Process.IsRunning)
            {
                throw new InvalidOperationException("The WebFront exited.");
            }

            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: Kestrel starts only after the Orleans client found a gateway.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"/health/ready did not answer 200 within {timeout.TotalSeconds:0} s.");
    }
}
