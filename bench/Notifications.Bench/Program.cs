using System.Runtime.InteropServices;
using Notifications.Bench;

// Load harness: starts each system on free loopback ports, drives it open loop, and writes the markdown tables
// and the latency plot. See docs/benchmarks.md.
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

// Many connections' continuations arrive in bursts; start with enough pool threads that none waits for injection.
ThreadPool.SetMinThreads(64, 64);

// Ctrl+C or SIGTERM cancels the run, so that every started server is still stopped on the way out.
using var cancellation = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

try
{
    return await new BenchRunner(options).RunAsync(cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    // Every started server was stopped while the cancellation unwound; nothing was written.
    Console.Error.WriteLine("Cancelled: no results were written.");
    return 130;
}

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}
