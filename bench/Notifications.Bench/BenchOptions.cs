namespace Notifications.Bench;

/// <summary>Command-line options of the harness.</summary>
public sealed record BenchOptions(
    BenchProfile Profile,
    string RepositoryRoot,
    IReadOnlyList<string> Systems,
    string DocumentPath,
    string PlotPath,
    bool SkipSoak,
    string CommandLine)
{
    public static readonly IReadOnlyList<string> AllSystems = ["echo", "b", "c", "a-mem", "s", "a"];

    public const string Usage = """
        Usage: Notifications.Bench [--quick] [--systems echo,b,c,a-mem,s,a] [--doc FILE] [--plot FILE] [--skip-soak]
                                   [--repo DIR]

          --quick       about three minutes with small sizes; default is the full run (about 25 minutes)
          --systems     systems to run, in order (default: all)
          --doc FILE    markdown file whose results section is replaced (default: docs/benchmarks.md in the full
                        mode, artifacts/bench/benchmarks-quick.md in the quick mode)
          --plot FILE   latency-against-rate PNG (default: next to --doc's default, docs/latency-vs-rate.png)
          --skip-soak   leave out the soak of system a
          --repo DIR    repository root (default: the folder above that holds Orleans.sln)
        """;

    /// <summary>Parses the arguments; null when they are invalid.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var quick = false;
        var skipSoak = false;
        string? document = null;
        string? plot = null;
        string? repository = null;
        IReadOnlyList<string> systems = AllSystems;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--skip-soak":
                    skipSoak = true;
                    break;
                case "--systems" when i + 1 < args.Length:
                    systems = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (systems.Any(system => !AllSystems.Contains(system)))
                    {
                        return null;
                    }

                    break;
                case "--doc" when i + 1 < args.Length:
                    document = args[++i];
                    break;
                case "--plot" when i + 1 < args.Length:
                    plot = args[++i];
                    break;
                case "--repo" when i + 1 < args.Length:
                    repository = args[++i];
                    break;
                default:
                    return null;
            }
        }

        repository ??= FindRepositoryRoot();
        if (repository is null)
        {
            return null;
        }

        var outputFolder = quick ? Path.Combine("artifacts", "bench") : "docs";
        document ??= Path.Combine(repository, outputFolder, quick ? "benchmarks-quick.md" : "benchmarks.md");
        plot ??= Path.Combine(repository, outputFolder, quick ? "latency-vs-rate-quick.png" : "latency-vs-rate.png");
        return new BenchOptions(
            quick ? BenchProfile.Quick : BenchProfile.Full,
            Path.GetFullPath(repository),
            systems,
            Path.GetFullPath(document),
            Path.GetFullPath(plot),
            skipSoak,
            string.Join(' ', args));
    }

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
