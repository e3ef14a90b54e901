using System.Text;

namespace Notifications.Bench.Reporting;

/// <summary>Builds one markdown table.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void AppendTo(StringBuilder output)
    {
        if (_rows.Count == 0)
        {
            output.AppendLine("Not measured in this run.").AppendLine();
            return;
        }

        output.AppendLine("| " + string.Join(" | ", headers) + " |");
        output.AppendLine("|" + string.Concat(headers.Select(_ => " --- |")));
        foreach (var row in _rows)
        {
            output.AppendLine("| " + string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        output.AppendLine();
    }
}
