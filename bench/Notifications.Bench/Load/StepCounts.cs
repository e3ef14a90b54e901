namespace Notifications.Bench.Load;

/// <summary>Outcome counts of one step.</summary>
public sealed class StepCounts
{
    /// <summary>Operations the scheduler reached (sent or skipped).</summary>
    public long Started { get; set; }

    /// <summary>Sends the server accepted (HTTP 200 or 201, or a completed write or echo send).</summary>
    public long Accepted { get; set; }

    /// <summary>Sends that failed, timed out or had not completed when the step ended.</summary>
    public long SendErrors { get; set; }

    /// <summary>Operations not started because too many were in flight: the system fell behind.</summary>
    public long Skipped { get; set; }

    /// <summary>Receipts owed for accepted sends: one per connection of the user.</summary>
    public long Expected { get; set; }

    public long Received { get; set; }

    /// <summary>Receipts owed for accepted sends that never arrived.</summary>
    public long Lost { get; set; }

    /// <summary>Receipts beyond one per connection: the same notification twice on one connection.</summary>
    public long Duplicates { get; set; }

    /// <summary>Receipts that came from a Sync call after a reconnect rather than a live event.</summary>
    public long ViaSync { get; set; }

    /// <summary>Receipts of sends that failed or did not finish: delivered, but not acknowledged to the sender.</summary>
    public long ReceivedWithoutAcceptance { get; set; }
}
