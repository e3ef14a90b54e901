using System.Collections.Concurrent;
using System.Diagnostics;

namespace Notifications.Bench.Load;

/// <summary>
/// Processor time of the load side: this harness process plus client processes it started (the Socket.IO client).
/// Shown next to the server's, because both share the machine's cores.
/// </summary>
public static class ClientProcessorTime
{
    private static readonly ConcurrentDictionary<int, Process> s_processes = new();

    public static void Register(Process process) => s_processes[process.Id] = process;

    public static void Unregister(Process process) => s_processes.TryRemove(process.Id, out _);

    public static TimeSpan Read()
    {
        using var current = Process.GetCurrentProcess();
        var total = current.TotalProcessorTime;
        foreach (var process in s_processes.Values)
        {
            try
            {
                process.Refresh();
                total += process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // The process exited.
            }
        }

        return total;
    }
}
