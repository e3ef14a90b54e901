namespace Notifications.Testing;

/// <summary>Locations inside the repository, found from the test binaries' folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: the nearest parent folder that contains Orleans.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Orleans.sln above {AppContext.BaseDirectory}.");
    }
}
