using Notifications.Bench.Hosting;

namespace Notifications.Bench.Systems;

/// <summary>A system the harness starts as child processes on free loopback ports, measures and stops.</summary>
public abstract class SystemUnderTest : IAsyncDisposable
{
    /// <summary>Short name used in tables: a, a-mem, b, c, s or echo.</summary>
    public abstract string Key { get; }

    /// <summary>One line on what the system is.</summary>
    public abstract string Description { get; }

    /// <summary>Processes whose resident memory and processor time count as the server's.</summary>
    public abstract IReadOnlyList<ChildProcess> ServerProcesses { get; }

    /// <summary>
    /// Processes whose processor time counts as the server's: the server processes plus, where the system has one,
    /// its storage process.
    /// </summary>
    public virtual IReadOnlyList<ChildProcess> CpuProcesses => ServerProcesses;

    public abstract Task StartAsync(CancellationToken cancellationToken);

    public long ReadServerResidentBytes() => ServerProcesses.Sum(process => process.ReadResidentBytes());

    /// <summary>Reads the processor time used so far by each of <see cref="CpuProcesses"/>, by process name.</summary>
    public IReadOnlyDictionary<string, TimeSpan> ReadProcessorTimes()
    {
        var times = new Dictionary<string, TimeSpan>();
        foreach (var process in CpuProcesses)
        {
            times[process.Name] = times.GetValueOrDefault(process.Name) + process.ReadProcessorTime();
        }

        return times;
    }

    /// <summary>Resident memory per server process, such as "silo 180 MB + webfront 120 MB".</summary>
    public string DescribeResidentMemory() => string.Join(
        " + ", ServerProcesses.Select(process => $"{process.Name} {process.ReadResidentBytes() / 1e6:0} MB"));

    public abstract ValueTask DisposeAsync();
}
