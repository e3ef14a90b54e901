using Notifications.Bench.Clients;
using Notifications.Bench.Systems;

namespace Notifications.Bench.Load;

/// <summary>
/// Sends one notification per operation to the users in turn, through the system's HTTP send API. When
/// <paramref name="connected"/> is false the users have no connections and no receipts are expected.
/// </summary>
public sealed class NotificationLoadTarget(NotificationSystem system, IReadOnlyList<FleetUser> users, bool connected)
    : ILoadTarget
{
    public int ExpectedReceipts(int index) => connected ? users[index % users.Count].Connections : 0;

    public void Start(StepTracker tracker, int index)
    {
        tracker.MarkSending(index);
        _ = SendAsync(tracker, index, users[index % users.Count].UserId);
    }

    private async Task SendAsync(StepTracker tracker, int index, string userId)
    {
        bool accepted;
        try
        {
            accepted = await system.Api.SendAsync(userId, tracker.OperationId(index), CancellationToken.None);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            accepted = false;
        }

        tracker.MarkSent(index, accepted, MonotonicClock.NowNanoseconds());
    }
}
