namespace Notifications.Bench.Load;

/// <summary>What a step sends: one operation per scheduled time.</summary>
public interface ILoadTarget
{
    /// <summary>Receipts that operation <paramref name="index"/> owes: the number of connections of its user.</summary>
    int ExpectedReceipts(int index);

    /// <summary>
    /// Starts operation <paramref name="index"/> without waiting for it, after calling
    /// <see cref="StepTracker.MarkSending"/>, and later reports its completion with <see cref="StepTracker.MarkSent"/>.
    /// </summary>
    void Start(StepTracker tracker, int index);
}
