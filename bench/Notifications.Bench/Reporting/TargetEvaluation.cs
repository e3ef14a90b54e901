using Notifications.Bench.Results;

namespace Notifications.Bench.Reporting;

/// <summary>One target with the measured ratio and whether it was met.</summary>
public sealed record TargetEvaluation(string Target, string Measured, string Ratio, string Result)
{
    private const string NotMeasured = "not measured";

    /// <summary>Evaluates every target against the results of one run.</summary>
    public static IReadOnlyList<TargetEvaluation> Evaluate(BenchResults results)
    {
        var evaluations = new List<TargetEvaluation>
        {
            KneeRatio(results, "a-mem", "b", 0.75, "(a-mem) throughput at least 0.75 of (b)"),
            KneeRatio(results, "a-mem", "c", 1.5, "(a-mem) throughput at least 1.5 times (c)"),
            KneeRatio(results, "a", "s", 0.8, "(a) throughput at least 0.8 of (s)"),
            HalfKneeLatency(results),
            MemoryRatio(results),
            InboxRatio(results),
            ScaleRatio(results),
            Storm(results),
            Soak(results),
        };
        return evaluations;
    }

    private static TargetEvaluation KneeRatio(
        BenchResults results, string system, string reference, double minimum, string target)
    {
        var measured = results.KneeOf(system);
        var baseline = results.KneeOf(reference);
        if (measured <= 0 || baseline <= 0)
        {
            return new TargetEvaluation(target, NotMeasured, "-", "not measured");
        }

        var ratio = measured / baseline;
        return new TargetEvaluation(
            target,
            $"{system} {measured:N0}/s, {reference} {baseline:N0}/s",
            $"{ratio:0.00}",
            ratio >= minimum ? "pass" : "miss");
    }

    private static TargetEvaluation HalfKneeLatency(BenchResults results)
    {
        const string target = "(a-mem) p99 at most 2 times (b) at half of (b)'s knee";
        var ours = results.HalfKneeOfBaseline.FirstOrDefault(step => step.System == "a-mem");
        var baseline = results.HalfKneeOfBaseline.FirstOrDefault(step => step.System == "b");
        if (ours is null || baseline is null || baseline.Delivery.P99 <= 0)
        {
            return new TargetEvaluation(target, NotMeasured, "-", "not measured");
        }

        var ratio = ours.Delivery.P99 / baseline.Delivery.P99;
        var lossNote = ours.Counts.Lost + baseline.Counts.Lost > 0 ? " (with losses, see table)" : string.Empty;
        return new TargetEvaluation(
            target,
            $"at {baseline.TargetRate:N0}/s: a-mem {ours.Delivery.P99:0.0} ms, b {baseline.Delivery.P99:0.0} ms{lossNote}",
            $"{ratio:0.00}",
            ratio <= 2 ? "pass" : "miss");
    }

    private static TargetEvaluation MemoryRatio(BenchResults results)
    {
        const string target = "memory per connected user (a) at most 1.5 times (b)";
        var ours = results.Memory.FirstOrDefault(memory => memory.System == "a");
        var baseline = results.Memory.FirstOrDefault(memory => memory.System == "b");
        if (ours is null || baseline is null || baseline.KilobytesPerUser <= 0)
        {
            return new TargetEvaluation(target, NotMeasured, "-", "not measured");
        }

        var ratio = ours.KilobytesPerUser / baseline.KilobytesPerUser;
        return new TargetEvaluation(
            target,
            $"{ours.Users:N0} users: a {ours.KilobytesPerUser:0.0} KB, b {baseline.KilobytesPerUser:0.0} KB",
            $"{ratio:0.00}",
            ratio <= 1.5 ? "pass" : "miss");
    }

    private static TargetEvaluation InboxRatio(BenchResults results)
    {
        const string target = "(a) send with a 1,000-item inbox at most 1.2 times an empty one (p50)";
        var inbox = results.Inbox.FirstOrDefault(result => result.System == "a");
        if (inbox is null)
        {
            return new TargetEvaluation(target, NotMeasured, "-", "not measured");
        }

        return new TargetEvaluation(
            target,
            $"p50 full {inbox.Full.P50:0.0} ms, empty {inbox.Empty.P50:0.0} ms",
            $"{inbox.MedianRatio:0.00}",
            inbox.MedianRatio <= 1.2 ? "pass" : "miss");
    }

    private static TargetEvaluation ScaleRatio(BenchResults results)
    {
        const string target = "(a) ten times the users keeps at least 0.9 of the throughput";
        var scale = results.Scale.FirstOrDefault(result => result.System == "a");
        if (scale is null)
        {
            return new TargetEvaluation(target, NotMeasured, "-", "not measured");
        }

        // The search starts at the base knee, so a pass there reads as about 1.0 and means "at least the knee".
        if (scale.Search.Knee is null)
        {
            var lowest = scale.Search.Steps.Min(step => step.TargetRate);
            return new TargetEvaluation(
                target,
                $"{scale.BaseUsers:N0} users {scale.BaseKnee:N0}/s, {scale.Users:N0} users below {lowest:N0}/s",
                $"below {lowest / scale.BaseKnee:0.00}",
                "miss");
        }

        return new TargetEvaluation(
            target,
            $"{scale.BaseUsers:N0} users {scale.BaseKnee:N0}/s, {scale.Users:N0} users {scale.Search.Throughput:N0}/s",
            $"{scale.Ratio:0.00}",
            scale.Ratio >= 0.9 ? "pass" : "miss");
    }

    private static TargetEvaluation Storm(BenchResults results)
    {
        const string target = "(a) reconnect storm of the clients after a frontend restart loses nothing";
        var storm = results.Storm.FirstOrDefault(result => result.System == "a");
        if (storm is null)
        {
            return new TargetEvaluation(target, NotMeasured, "-", "not measured");
        }

        var passed = storm.Counts.Lost == 0 && storm.AllReconnected;
        return new TargetEvaluation(
            target,
            $"{storm.Clients:N0} clients, lost {storm.Counts.Lost} of {storm.Counts.Expected}, " +
            $"all back {storm.StopToAllConnectedMilliseconds / 1000:0.0} s after the stop signal",
            $"lost {storm.Counts.Lost}",
            passed ? "pass" : "miss");
    }

    private static TargetEvaluation Soak(BenchResults results)
    {
        const string target = "(a) soak at half the knee grows memory under 5% after warm-up and loses nothing";
        var soak = results.Soak.FirstOrDefault(result => result.System == "a");
        if (soak is null)
        {
            return new TargetEvaluation(target, NotMeasured, "-", "not measured");
        }

        var passed = soak.GrowthPercent < 5 && soak.Step.Counts.Lost == 0 && soak.Step.Counts.SendErrors == 0;
        return new TargetEvaluation(
            target,
            $"{soak.Duration.TotalMinutes:0.#} min at {soak.Rate:N0}/s: {soak.MegabytesAfterWarmup:0} MB -> " +
            $"{soak.MegabytesAtEnd:0} MB, lost {soak.Step.Counts.Lost}, send errors {soak.Step.Counts.SendErrors}",
            $"{soak.GrowthPercent:+0.0;-0.0}%",
            passed ? "pass" : "miss");
    }
}
