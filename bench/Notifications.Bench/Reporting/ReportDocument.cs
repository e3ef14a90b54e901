namespace Notifications.Bench.Reporting;

/// <summary>
/// Writes the generated results into a markdown file between two marker comments, keeping the hand-written text
/// around them, so that the page contains exactly what the run printed.
/// </summary>
public static class ReportDocument
{
    public const string StartMarker = "<!-- bench:results:start -->";
    public const string EndMarker = "<!-- bench:results:end -->";

    public static void WriteResults(string path, string results, string mode)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var block = $"{StartMarker}\n{results.TrimEnd()}\n{EndMarker}";
        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        var start = existing?.IndexOf(StartMarker, StringComparison.Ordinal) ?? -1;
        var end = existing?.IndexOf(EndMarker, StringComparison.Ordinal) ?? -1;
        if (existing is null || start < 0 || end < start)
        {
            File.WriteAllText(path, $"# Benchmark results ({mode} mode)\n\n{block}\n");
            return;
        }

        File.WriteAllText(path, existing[..start] + block + existing[(end + EndMarker.Length)..]);
    }
}
