using Azure;
using Azure.Data.Tables;

namespace Notifications.Bench.Load;

/// <summary>
/// The storage floor: one 1 KB entity written with Azure.Data.Tables per operation, partitioned by user as an
/// inbox row would be. The completed write is the receipt.
/// </summary>
public sealed class TableWriteLoadTarget(TableClient table, IReadOnlyList<string> partitionKeys) : ILoadTarget
{
    private static readonly string s_payload = new('x', 1024);

    public int ExpectedReceipts(int index) => 1;

    public void Start(StepTracker tracker, int index)
    {
        tracker.MarkSending(index);
        _ = WriteAsync(tracker, index);
    }

    private async Task WriteAsync(StepTracker tracker, int index)
    {
        var operationId = tracker.OperationId(index);
        var entity = new TableEntity(partitionKeys[index % partitionKeys.Count], $"{operationId:D19}")
        {
            ["Payload"] = s_payload,
        };

        bool accepted;
        try
        {
            await table.AddEntityAsync(entity);
            accepted = true;
        }
        catch (Exception exception) when (exception is RequestFailedException or HttpRequestException
                                              or OperationCanceledException)
        {
            accepted = false;
        }

        var completed = MonotonicClock.NowNanoseconds();
        tracker.MarkSent(index, accepted, completed);
        if (accepted)
        {
            tracker.TryRecordReceipt(operationId, completed, viaSync: false);
        }
    }
}
