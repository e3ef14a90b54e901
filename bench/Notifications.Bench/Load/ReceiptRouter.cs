using System.Globalization;

namespace Notifications.Bench.Load;

/// <summary>
/// Hands out operation ids and routes each receipt that a client reports to the step that is running. A
/// notification's title carries its operation id, as <c>n</c> followed by the id.
/// </summary>
public sealed class ReceiptRouter
{
    private long _nextOperationId = 1;
    private long _staleReceipts;
    private volatile StepTracker? _current;

    /// <summary>Receipts of operations that belong to no running step, such as late arrivals.</summary>
    public long StaleReceipts => Interlocked.Read(ref _staleReceipts);

    public StepTracker? Current
    {
        get => _current;
        set => _current = value;
    }

    /// <summary>Reserves <paramref name="count"/> consecutive operation ids and returns the first.</summary>
    public long Reserve(int count) => Interlocked.Add(ref _nextOperationId, count) - count;

    public static string Title(long operationId) => "n" + operationId.ToString(CultureInfo.InvariantCulture);

    public void OnReceipt(string? title, long receivedNanoseconds, bool viaSync = false)
    {
        if (title is null || title.Length < 2 || title[0] != 'n' ||
            !long.TryParse(title.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var operationId))
        {
            Interlocked.Increment(ref _staleReceipts);
            return;
        }

        OnReceipt(operationId, receivedNanoseconds, viaSync);
    }

    public void OnReceipt(long operationId, long receivedNanoseconds, bool viaSync = false)
    {
        var step = _current;
        if (step is null || !step.TryRecordReceipt(operationId, receivedNanoseconds, viaSync))
        {
            Interlocked.Increment(ref _staleReceipts);
        }
    }
}
