using System.Security.Cryptography;

namespace Notifications.Bench.Systems;

/// <summary>Where the repository and the run's logs are, and settings every started server shares.</summary>
public sealed class BenchEnvironment(string repositoryRoot, string logDirectory)
{
    public string RepositoryRoot { get; } = repositoryRoot;

    public string LogDirectory { get; } = logDirectory;

    /// <summary>
    /// Token signing key of the baseline servers, fixed for the run so that tokens survive a server restart.
    /// </summary>
    public string BaselineSigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Environment of every .NET server: Development (for <c>/dev/token</c>) and warning-level logs, so that no
    /// system writes a log line per request during a measurement.
    /// </summary>
    public static Dictionary<string, string> DotnetServerEnvironment(int httpPort) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>
    /// Path of a Release build's assembly. A server runs with that folder as its working directory, because ASP.NET
    /// Core reads appsettings.json from the content root, which is the working directory.
    /// </summary>
    public string BinaryPath(string projectDirectory, string assemblyName) =>
        Path.Combine(RepositoryRoot, projectDirectory, "bin", "Release", "net10.0", assemblyName + ".dll");
}
