using HdrHistogram;

namespace Notifications.Bench.Load;

/// <summary>
/// State of the operations of one step: when each was scheduled, whether its send was accepted, and how many
/// receipts it got against how many it expects (one per connection of its user).
/// </summary>
public sealed class StepTracker
{
    private const byte NotSent = 0;
    private const byte Sending = 1;
    private const byte Accepted = 2;
    private const byte Failed = 3;
    private const byte Skipped = 4;

    private readonly int[] _expected;
    private readonly long[] _scheduled;
    private readonly long[] _lastReceipt;
    private readonly int[] _receipts;
    private readonly byte[] _state;
    private long _inFlight;
    private long _completedSends;
    private long _firedSends;
    private long _expectedFromAccepted;
    private long _uniqueReceipts;
    private long _duplicates;
    private long _viaSync;
    private volatile bool _closed;

    public StepTracker(long firstOperationId, int[] expectedReceipts, long[] scheduledNanoseconds)
    {
        FirstOperationId = firstOperationId;
        _expected = expectedReceipts;
        _scheduled = scheduledNanoseconds;
        _lastReceipt = new long[expectedReceipts.Length];
        _receipts = new int[expectedReceipts.Length];
        _state = new byte[expectedReceipts.Length];
    }

    public long FirstOperationId { get; }

    public int Count => _expected.Length;

    /// <summary>Latency from each operation's scheduled time to each receipt, in microseconds.</summary>
    public HistogramBase Delivery { get; } = LatencyHistogram.Create();

    /// <summary>Latency from each operation's scheduled time to its send's response, in microseconds.</summary>
    public HistogramBase Send { get; } = LatencyHistogram.Create();

    public long InFlight => Interlocked.Read(ref _inFlight);

    public long OperationId(int index) => FirstOperationId + index;

    public long ScheduledAt(int index) => _scheduled[index];

    /// <summary>Sets the scheduled time of an operation whose time is only known when it starts (bulk sends).</summary>
    public void SetScheduledAt(int index, long nanoseconds) => _scheduled[index] = nanoseconds;

    public void MarkSending(int index)
    {
        _state[index] = Sending;
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _firedSends);
    }

    /// <summary>Records an operation that was not started because too many were in flight.</summary>
    public void MarkSkipped(int index) => _state[index] = Skipped;

    /// <summary>
    /// Stops recording latencies: the step's results are being read. Late completions still update the in-flight
    /// count, so the harness can wait for them before the next step.
    /// </summary>
    public void Close() => _closed = true;

    public void MarkSent(int index, bool accepted, long completedNanoseconds)
    {
        if (!_closed)
        {
            LatencyHistogram.RecordNanoseconds(Send, completedNanoseconds - _scheduled[index]);
        }

        _state[index] = accepted ? Accepted : Failed;
        if (accepted)
        {
            Interlocked.Add(ref _expectedFromAccepted, _expected[index]);
        }

        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _completedSends);
    }

    /// <summary>Counts a receipt; false when the operation is not one of this step's.</summary>
    public bool TryRecordReceipt(long operationId, long receivedNanoseconds, bool viaSync)
    {
        var index = operationId - FirstOperationId;
        if (index < 0 || index >= _expected.Length)
        {
            return false;
        }

        var i = (int)index;
        var count = Interlocked.Increment(ref _receipts[i]);
        if (count > _expected[i])
        {
            Interlocked.Increment(ref _duplicates);
            return true;
        }

        if (viaSync)
        {
            Interlocked.Increment(ref _viaSync);
        }

        if (!_closed)
        {
            LatencyHistogram.RecordNanoseconds(Delivery, receivedNanoseconds - _scheduled[i]);
        }

        InterlockedMax(ref _lastReceipt[i], receivedNanoseconds);
        Interlocked.Increment(ref _uniqueReceipts);
        return true;
    }

    /// <summary>True once every started send completed and every accepted one got all its receipts.</summary>
    public bool IsDrained =>
        Interlocked.Read(ref _completedSends) == Interlocked.Read(ref _firedSends) &&
        Interlocked.Read(ref _uniqueReceipts) >= Interlocked.Read(ref _expectedFromAccepted);

    /// <summary>Time from an operation's scheduled time to its last receipt, in milliseconds (0 without any).</summary>
    public double TimeToLastReceiptMilliseconds(int index) =>
        _lastReceipt[index] == 0 ? 0 : (_lastReceipt[index] - _scheduled[index]) / 1e6;

    public StepCounts CountOutcomes()
    {
        var counts = new StepCounts();
        for (var i = 0; i < _expected.Length; i++)
        {
            var receipts = Math.Min(Volatile.Read(ref _receipts[i]), _expected[i]);
            switch (_state[i])
            {
                case NotSent:
                    break;
                case Accepted:
                    counts.Accepted++;
                    counts.Expected += _expected[i];
                    counts.Received += receipts;
                    counts.Lost += _expected[i] - receipts;
                    break;
                case Skipped:
                    counts.Skipped++;
                    break;
                default:
                    // A failed or unfinished send is not owed to the client; anything it delivered is still counted.
                    counts.SendErrors++;
                    counts.ReceivedWithoutAcceptance += receipts;
                    break;
            }
        }

        counts.Started = Interlocked.Read(ref _firedSends) + counts.Skipped;
        counts.Duplicates = Interlocked.Read(ref _duplicates);
        counts.ViaSync = Interlocked.Read(ref _viaSync);
        return counts;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var previous = Interlocked.CompareExchange(ref target, value, current);
            if (previous == current)
            {
                return;
            }

            current = previous;
        }
    }
}
