namespace Notifications.Testing;

/// <summary>Finds a host's built assembly under src, in the configuration these tests were built with.</summary>
public static class BuiltAssembly
{
    /// <summary>Returns the path of <paramref name="assemblyName"/> under <c>src/{project}/bin/{configuration}/net10.0</c>.</summary>
    public static string Find(string project, string assemblyName)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var path = Path.Combine(RepositoryPaths.Root, "src", project, "bin", configuration, "net10.0", assemblyName);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"{path} is missing: the test project references src/{project}, so building the tests builds it.");
    }
}
