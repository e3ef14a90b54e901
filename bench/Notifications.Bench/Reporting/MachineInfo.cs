using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Notifications.Bench.Reporting;

/// <summary>What the run ran on, read from /proc and the tools themselves.</summary>
public sealed record MachineInfo(
    string Processor,
    int Cores,
    string Memory,
    string OperatingSystem,
    string Runtime,
    string Node,
    string LoadAverage,
    string Commit,
    DateTime TakenAt)
{
    public static MachineInfo Read(string repositoryRoot) => new(
        ReadField("/proc/cpuinfo", "model name", ':') ?? "unknown",
        Environment.ProcessorCount,
        ReadField("/proc/meminfo", "MemTotal", ':') ?? "unknown",
        $"{(ReadField("/etc/os-release", "PRETTY_NAME", '=') ?? "Linux").Trim('"')}, kernel " +
        ReadText("/proc/sys/kernel/osrelease"),
        RuntimeInformation.FrameworkDescription,
        RunTool("node", "--version", repositoryRoot),
        string.Join(' ', ReadText("/proc/loadavg").Split(' ').Take(3)),
        DescribeCommit(repositoryRoot),
        DateTime.UtcNow);

    /// <summary>Returns the short commit id, marked when the measured sources (src/) have uncommitted changes.</summary>
    private static string DescribeCommit(string repositoryRoot)
    {
        var commit = RunTool("git", "rev-parse --short HEAD", repositoryRoot);
        var changes = RunTool("git", "status --porcelain -- src", repositoryRoot);
        return changes is "none" or "unknown" or "not found" ? commit : $"{commit} with uncommitted changes in src/";
    }

    private static string ReadText(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "unknown";

    private static string? ReadField(string path, string name, char separator)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(line => line.StartsWith(name, StringComparison.Ordinal));
        return line?[(line.IndexOf(separator, StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string RunTool(string fileName, string arguments, string workingDirectory)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return "unknown";
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : "none";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
