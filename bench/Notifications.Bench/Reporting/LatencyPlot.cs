using Notifications.Bench.Load;
using Notifications.Bench.Results;
using ScottPlot;

namespace Notifications.Bench.Reporting;

/// <summary>
/// Draws p50 (solid) and p99 (dashed) delivery latency against send rate for every system, both axes on a log
/// scale, from the low-rate step and every sweep step.
/// </summary>
public static class LatencyPlot
{
    public static void Write(BenchResults results, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var systemIndex = 0;
        var minRate = double.MaxValue;
        var maxRate = double.MinValue;
        var maxLatency = 1.0;
        foreach (var (system, knee) in results.Knees)
        {
            var steps = knee.Steps
                .Concat(results.LowRate.Where(step => step.System == system))
                .Where(step => step.Delivery.Count > 0)
                .OrderBy(step => step.TargetRate)
                .ToList();
            if (steps.Count == 0)
            {
                continue;
            }

            var color = palette.GetColor(systemIndex++);
            var rates = steps.Select(step => Math.Log10(step.TargetRate)).ToArray();
            AddLine(plot, rates, steps.Select(step => step.Delivery.P50), color, LinePattern.Solid, $"{system} p50");
            AddLine(plot, rates, steps.Select(step => step.Delivery.P99), color, LinePattern.Dashed, $"{system} p99");
            minRate = Math.Min(minRate, steps[0].TargetRate);
            maxRate = Math.Max(maxRate, steps[^1].TargetRate);
            maxLatency = Math.Max(maxLatency, steps.Max(step => step.Delivery.P99));
        }

        if (systemIndex == 0)
        {
            return;
        }

        var limit = plot.Add.HorizontalLine(Math.Log10(StepResult.MaxP99Milliseconds));
        limit.Color = Colors.Gray;
        limit.LinePattern = LinePattern.Dotted;
        limit.LegendText = $"p99 limit {StepResult.MaxP99Milliseconds:0} ms";

        SetLogTicks(plot.Axes.Bottom, minRate, maxRate, "N0");
        SetLogTicks(plot.Axes.Left, 0.1, maxLatency, "0.#");
        plot.Axes.Bottom.Label.Text = "Send rate (notifications per second, log scale)";
        plot.Axes.Left.Label.Text = "Delivery latency, ms (log scale)";
        plot.Title("Latency against send rate: p50 solid, p99 dashed");
        plot.ShowLegend(Alignment.UpperLeft);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        plot.SavePng(path, 1100, 700);
    }

    private static void AddLine(
        Plot plot, double[] logRates, IEnumerable<double> latencies, Color color, LinePattern pattern, string label)
    {
        var logLatencies = latencies.Select(latency => Math.Log10(Math.Max(latency, 0.01))).ToArray();
        var scatter = plot.Add.Scatter(logRates, logLatencies);
        scatter.Color = color;
        scatter.LinePattern = pattern;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 5;
        scatter.LegendText = label;
    }

    /// <summary>Puts ticks at 1, 2 and 5 times each power of ten in range, labelled with the unscaled value.</summary>
    private static void SetLogTicks(ScottPlot.IAxis axis, double min, double max, string format)
    {
        var positions = new List<double>();
        var labels = new List<string>();
        for (var power = Math.Floor(Math.Log10(min)); power <= Math.Ceiling(Math.Log10(max)); power++)
        {
            foreach (var multiple in new[] { 1.0, 2.0, 5.0 })
            {
                var value = multiple * Math.Pow(10, power);
                positions.Add(Math.Log10(value));
                labels.Add(value.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        axis.SetTicks([.. positions], [.. labels]);
    }
}
