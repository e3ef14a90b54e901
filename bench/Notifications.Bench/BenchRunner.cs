using System.Diagnostics;
using Notifications.Bench.Clients;
using Notifications.Bench.Load;
using Notifications.Bench.Reporting;
using Notifications.Bench.Results;
using Notifications.Bench.Scenarios;
using Notifications.Bench.Systems;

namespace Notifications.Bench;

/// <summary>Starts each system in turn, runs its scenarios, stops it, and writes the report and the plot.</summary>
public sealed class BenchRunner(BenchOptions options)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var runTime = Stopwatch.StartNew();
        var logDirectory = Path.Combine(options.RepositoryRoot, "artifacts", "bench", "logs");
        var environment = new BenchEnvironment(options.RepositoryRoot, logDirectory);
        var results = new BenchResults();
        var context = new ScenarioContext(options.Profile, environment, results, cancellationToken);
        var machineBefore = MachineInfo.Read(options.RepositoryRoot);
        Console.WriteLine(
            $"{options.Profile.Name} run of {string.Join(", ", options.Systems)}; server logs in {logDirectory}");

        foreach (var key in options.Systems)
        {
            await using var system = CreateSystem(key, environment);
            results.Descriptions[system.Key] = system.Description;
            await context.Attempt(key, "run", async () =>
            {
                var startTime = Stopwatch.StartNew();
                await system.StartAsync(cancellationToken);
                ScenarioContext.Report(key, $"started in {startTime.Elapsed.TotalSeconds:0.0} s");
                await RunScenariosAsync(system, context);
            });
        }

        runTime.Stop();
        var report = MarkdownReport.Build(
            options, results, machineBefore, MachineInfo.Read(options.RepositoryRoot), runTime.Elapsed);
        Console.WriteLine();
        Console.WriteLine(report);
        LatencyPlot.Write(results, options.PlotPath);
        ReportDocument.WriteResults(options.DocumentPath, report, options.Profile.Name);
        Console.WriteLine($"Wrote {options.DocumentPath} and {options.PlotPath} in {runTime.Elapsed.TotalMinutes:0.0} min.");
        return results.Failures.Count == 0 ? 0 : 1;
    }

    private static SystemUnderTest CreateSystem(string key, BenchEnvironment environment) => key switch
    {
        "echo" => new EchoSystem(environment),
        "b" => new SignalRBaselineSystem(environment),
        "c" => new SocketIoSystem(environment),
        "a-mem" => new OrleansSystem(environment, inMemoryInbox: true),
        "a" => new OrleansSystem(environment, inMemoryInbox: false),
        "s" => new StorageFloorSystem(environment),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown system."),
    };

    private async Task RunScenariosAsync(SystemUnderTest system, ScenarioContext context)
    {
        var load = new LoadScenarios(context);
        if (system is EchoSystem echo)
        {
            await new EchoScenario(context, load).RunAsync(echo);
            return;
        }

        if (system is StorageFloorSystem floor)
        {
            await new StorageFloorScenario(context, load).RunAsync(floor);
            return;
        }

        var notifications = (NotificationSystem)system;
        var key = system.Key;
        var users = FleetUser.Create("base", options.Profile.Users, mixedConnections: true);
        var target = new NotificationLoadTarget(notifications, users, connected: true);
        await using (var fleet = notifications.CreateFleet(context.Router))
        {
            await fleet.ConnectAsync(users, context.CancellationToken);
            await load.WarmupAsync(notifications, users);
            await context.Attempt(key, "low rate", () => load.LowRateAsync(system, target));
            await context.Attempt(key, "knee", () => load.KneeAsync(system, target));
            if (key is "b" or "a-mem")
            {
                await context.Attempt(key, "half of b's knee", () => load.HalfKneeOfBaselineAsync(system, target));
            }
        }

        if (system is OrleansSystem orleans)
        {
            await context.Attempt(key, "inbox", () => new InboxScenario(context).RunAsync(orleans));
        }

        await context.Attempt(key, "population", () => new PopulationScenarios(context).RunAsync(notifications));
        await context.Attempt(key, "reconnect storm", () => new StormScenario(context).RunAsync(notifications));

        if (system is OrleansSystem { Key: "a" } azure && !options.SkipSoak)
        {
            await context.Attempt(key, "soak", () => new SoakScenario(context).RunAsync(azure));
        }
    }
}
