using System.Text;
using Notifications.Bench.Load;
using Notifications.Bench.Results;

namespace Notifications.Bench.Reporting;

/// <summary>Builds the markdown results of one run: run facts, the targets, then one table per scenario.</summary>
public static class MarkdownReport
{
    public static string Build(
        BenchOptions options, BenchResults results, MachineInfo before, MachineInfo after, TimeSpan runTime)
    {
        var output = new StringBuilder();
        var profile = options.Profile;
        output.AppendLine($"### Run ({profile.Name} mode)").AppendLine();
        output.AppendLine($"- Date: {before.TakenAt:yyyy-MM-dd HH:mm} UTC, run time {runTime.TotalMinutes:0.0} min, commit {before.Commit}");
        output.AppendLine($"- Command: `scripts/bench.sh{(options.CommandLine.Length > 0 ? " " + options.CommandLine : string.Empty)}`");
        output.AppendLine($"- Machine: {before.Processor}, {before.Cores} cores, {before.Memory} memory; {before.OperatingSystem}");
        output.AppendLine($"- Runtimes: {before.Runtime}; Node.js {before.Node}");
        output.AppendLine($"- Load average (1, 5, 15 min) at start: {before.LoadAverage}; at end: {after.LoadAverage}");
        output.AppendLine(
            $"- Sizes: {profile.Users:N0} users (every fourth with two connections), steps of " +
            $"{profile.StepDuration.TotalSeconds:0.#} s, drain {profile.DrainTimeout.TotalSeconds:0.#} s, " +
            $"sweep from {profile.SweepStartRate:N0}/s by x{profile.SweepGrowthFactor:0.#} with " +
            $"{profile.SweepRefinements} bisections" +
            (profile.ConfirmFailures ? "; a failing rate is run twice and fails only if both runs fail" : string.Empty));
        output.AppendLine();

        AppendSystems(output, results);
        AppendTargets(output, results);
        AppendLowRate(output, results);
        AppendKnees(output, results);
        AppendHalfKnee(output, results);
        AppendBulk(output, results);
        AppendMemory(output, results);
        AppendInbox(output, results);
        AppendScale(output, results);
        AppendStorm(output, results);
        AppendSoak(output, results);
        AppendSweep(output, results);

        output.AppendLine("#### Scenario failures").AppendLine();
        if (results.Failures.Count == 0)
        {
            output.AppendLine("None.").AppendLine();
        }

        foreach (var failure in results.Failures)
        {
            output.AppendLine($"- {failure.ReplaceLineEndings(" ")}");
        }

        return output.ToString();
    }

    private static void AppendSystems(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Systems").AppendLine();
        var table = new MarkdownTable("System", "What it is");
        foreach (var (key, description) in results.Descriptions)
        {
            table.Add(key, description);
        }

        table.AppendTo(output);
    }

    private static void AppendTargets(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Targets").AppendLine();
        var table = new MarkdownTable("Target", "Measured", "Ratio", "Result");
        foreach (var evaluation in TargetEvaluation.Evaluate(results))
        {
            table.Add(evaluation.Target, evaluation.Measured, evaluation.Ratio, evaluation.Result);
        }

        table.AppendTo(output);
    }

    private static void AppendLowRate(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Latency at a low rate").AppendLine();
        output.AppendLine("From each send's scheduled time to its receipt on every connection of the user.").AppendLine();
        var table = new MarkdownTable(
            "System", "Rate /s", "Receipts", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "Lost", "Duplicates");
        foreach (var step in results.LowRate)
        {
            table.Add(
                step.System, $"{step.TargetRate:N0}", $"{step.Counts.Received:N0}", Ms(step.Delivery.P50),
                Ms(step.Delivery.P90), Ms(step.Delivery.P99), Ms(step.Delivery.P999), Ms(step.Delivery.Max),
                $"{step.Counts.Lost}", $"{step.Counts.Duplicates}");
        }

        table.AppendTo(output);
    }

    private static void AppendKnees(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Throughput knee").AppendLine();
        output.AppendLine(
            "Highest rate at which every send was accepted, every notification delivered and p99 stayed under " +
            $"{StepResult.MaxP99Milliseconds:0} ms. CPU is percent of one core over the step, so 200% is the whole " +
            "machine. Server CPU is the system's processes with their storage (for s, Azurite alone). Harness CPU is " +
            "the load generator with its clients (for c, with the Node.js Socket.IO client process). Both share the " +
            "same two cores.").AppendLine();
        var table = new MarkdownTable(
            "System", "Knee /s", "Receipts /s", "p50 ms", "p99 ms", "Server CPU", "Harness CPU", "Next rate tried",
            "Why it failed");
        foreach (var (system, knee) in results.Knees)
        {
            var step = knee.Knee;
            table.Add(
                system,
                step is null ? "none" : $"{knee.Throughput:N0}",
                step is null ? "-" : $"{step.DeliveredPerSecond:N0}",
                step is null ? "-" : Ms(step.Delivery.P50),
                step is null ? "-" : Ms(step.Delivery.P99),
                step is null ? "-" : $"{step.ServerCpuPercent:0}% ({step.ServerCpuBreakdown})",
                step is null ? "-" : $"{step.ClientCpuPercent:0}%",
                knee.FirstFailure is null ? "none failed" : $"{knee.FirstFailure.TargetRate:N0}/s",
                knee.FirstFailure?.FailureReason ?? "-");
        }

        table.AppendTo(output);
    }

    private static void AppendHalfKnee(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Latency at half of (b)'s knee").AppendLine();
        var table = new MarkdownTable("System", "Rate /s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "Lost");
        foreach (var step in results.HalfKneeOfBaseline)
        {
            table.Add(
                step.System, $"{step.TargetRate:N0}", Ms(step.Delivery.P50), Ms(step.Delivery.P90),
                Ms(step.Delivery.P99), Ms(step.Delivery.P999), Ms(step.Delivery.Max), $"{step.Counts.Lost}");
        }

        table.AppendTo(output);
    }

    private static void AppendBulk(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### One notification to many users (bulk send)").AppendLine();
        output.AppendLine("Latency from the bulk request to each receipt; time to last is when the last connection got it.")
            .AppendLine();
        var table = new MarkdownTable(
            "System", "Users", "Connections", "Repetitions", "Response p50 ms", "Receipt p50 ms", "Receipt p99 ms",
            "Time to last, median ms", "Time to last, max ms", "Lost", "Duplicates");
        foreach (var bulk in results.Bulk)
        {
            table.Add(
                bulk.System, $"{bulk.Users:N0}", $"{bulk.Connections:N0}", $"{bulk.Repetitions}",
                Ms(bulk.Response.P50), Ms(bulk.PerReceipt.P50), Ms(bulk.PerReceipt.P99), Ms(bulk.MedianTimeToLast),
                Ms(bulk.MaxTimeToLast), $"{bulk.Counts.Lost}", $"{bulk.Counts.Duplicates}");
        }

        table.AppendTo(output);
    }

    private static void AppendMemory(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Memory per connected idle user").AppendLine();
        output.AppendLine(
            "Resident memory (VmRSS) of the server processes a few seconds after the users connected, minus the " +
            "same before they connected; for (a) and (a-mem) silo plus WebFront, Azurite not counted.").AppendLine();
        var table = new MarkdownTable(
            "System", "Users", "Connections", "Before MB", "After MB", "KB per user", "KB per connection",
            "Processes after", "Connect time s");
        foreach (var memory in results.Memory)
        {
            table.Add(
                memory.System, $"{memory.Users:N0}", $"{memory.Connections:N0}", $"{memory.BytesBefore / 1e6:0}",
                $"{memory.BytesAfter / 1e6:0}", $"{memory.KilobytesPerUser:0.0}", $"{memory.KilobytesPerConnection:0.0}",
                memory.Breakdown, $"{memory.ConnectTime.TotalSeconds:0.0}");
        }

        table.AppendTo(output);
    }

    private static void AppendInbox(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Send cost with a full inbox").AppendLine();
        output.AppendLine(
            "HTTP send latency (scheduled time to 201), sends alternating between users whose inbox holds " +
            "the full count and users whose inbox is almost empty.").AppendLine();
        var table = new MarkdownTable(
            "System", "Users x inbox", "Fill time s", "Rate /s", "Empty p50 ms", "Empty p99 ms", "Full p50 ms",
            "Full p99 ms", "Ratio p50", "Ratio mean", "Errors");
        foreach (var inbox in results.Inbox)
        {
            table.Add(
                inbox.System, $"{inbox.Users} x {inbox.InboxSize:N0}", $"{inbox.FillTime.TotalSeconds:0.0}",
                $"{inbox.Rate:N0}", Ms(inbox.Empty.P50), Ms(inbox.Empty.P99), Ms(inbox.Full.P50), Ms(inbox.Full.P99),
                $"{inbox.MedianRatio:0.00}", $"{inbox.MeanRatio:0.00}", $"{inbox.Errors}");
        }

        table.AppendTo(output);
    }

    private static void AppendScale(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Ten times the users").AppendLine();
        output.AppendLine("The knee again with ten times the users, from the base knee down in steps of 10%.")
            .AppendLine();
        var table = new MarkdownTable("System", "Base users", "Users", "Base knee /s", "Knee /s", "Ratio", "Steps");
        foreach (var scale in results.Scale)
        {
            var steps = string.Join(
                "; ", scale.Search.Steps.Select(step => $"{step.TargetRate:N0}/s {(step.Passed ? "pass" : step.FailureReason)}"));
            var lowest = scale.Search.Steps.Count == 0 ? 0 : scale.Search.Steps.Min(step => step.TargetRate);
            var passed = scale.Search.Knee is not null;
            table.Add(
                scale.System, $"{scale.BaseUsers:N0}", $"{scale.Users:N0}", $"{scale.BaseKnee:N0}",
                passed ? $"{scale.Search.Throughput:N0}" : $"below {lowest:N0}",
                passed ? $"{scale.Ratio:0.00}" : $"below {lowest / scale.BaseKnee:0.00}",
                steps);
        }

        table.AppendTo(output);
    }

    private static void AppendStorm(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Reconnect storm after a frontend restart").AppendLine();
        output.AppendLine(
            "The frontend gets SIGTERM and is started again on the same port while sends continue; clients retry " +
            "every 250-750 ms. Sends rejected while it is down are not owed; lost counts accepted sends that never " +
            "reached their client (live or, for our system, through Sync after the reconnect).").AppendLine();
        var table = new MarkdownTable(
            "System", "Clients", "SIGTERM to exit ms", "SIGTERM to ready ms", "Ready to all back ms",
            "SIGTERM to all back ms", "All back",
            "Accepted", "Rejected", "Lost", "Via Sync", "Duplicates");
        foreach (var storm in results.Storm)
        {
            table.Add(
                storm.System, $"{storm.Clients:N0}",
                $"{storm.StopMilliseconds:N0}{(storm.Killed ? " (killed: no exit within 10 s)" : string.Empty)}",
                $"{storm.StopToReadyMilliseconds:N0}",
                $"{storm.ReadyToAllConnectedMilliseconds:N0}", $"{storm.StopToAllConnectedMilliseconds:N0}",
                storm.AllReconnected ? "yes" : "no", $"{storm.Counts.Accepted:N0}", $"{storm.Counts.SendErrors:N0}",
                $"{storm.Counts.Lost:N0}", $"{storm.Counts.ViaSync:N0}", $"{storm.Counts.Duplicates:N0}");
        }

        table.AppendTo(output);
    }

    private static void AppendSoak(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Soak at half the knee").AppendLine();
        var table = new MarkdownTable(
            "System", "Rate /s", "Duration min", "Server MB after warm-up", "Server MB at end", "Growth",
            "Azurite MB after warm-up", "Azurite MB at end", "p99 ms", "Accepted", "Send errors", "Lost");
        foreach (var soak in results.Soak)
        {
            table.Add(
                soak.System, $"{soak.Rate:N0}", $"{soak.Duration.TotalMinutes:0.#}", $"{soak.MegabytesAfterWarmup:0}",
                $"{soak.MegabytesAtEnd:0}", $"{soak.GrowthPercent:+0.0;-0.0}%", $"{soak.StorageMegabytesAfterWarmup:0}",
                $"{soak.StorageMegabytesAtEnd:0}", Ms(soak.Step.Delivery.P99), $"{soak.Step.Counts.Accepted:N0}",
                $"{soak.Step.Counts.SendErrors}", $"{soak.Step.Counts.Lost}");
        }

        table.AppendTo(output);
    }

    private static void AppendSweep(StringBuilder output, BenchResults results)
    {
        output.AppendLine("#### Every sweep step").AppendLine();
        var table = new MarkdownTable(
            "System", "Rate /s", "Result", "p50 ms", "p99 ms", "max ms", "Accepted", "Lost", "Send errors",
            "Not sent", "Server CPU", "Harness CPU");
        foreach (var (_, knee) in results.Knees)
        {
            foreach (var step in knee.Steps.OrderBy(step => step.TargetRate))
            {
                table.Add(
                    step.System, $"{step.TargetRate:N0}", step.Passed ? "pass" : step.FailureReason,
                    Ms(step.Delivery.P50), Ms(step.Delivery.P99), Ms(step.Delivery.Max),
                    $"{step.Counts.Accepted:N0}", $"{step.Counts.Lost:N0}", $"{step.Counts.SendErrors:N0}",
                    $"{step.Counts.Skipped:N0}", $"{step.ServerCpuPercent:0}%", $"{step.ClientCpuPercent:0}%");
            }
        }

        table.AppendTo(output);
    }

    private static string Ms(double milliseconds) => milliseconds switch
    {
        < 10 => $"{milliseconds:0.00}",
        < 100 => $"{milliseconds:0.0}",
        _ => $"{milliseconds:N0}",
    };
}
