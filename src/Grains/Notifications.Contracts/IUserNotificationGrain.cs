using Orleans.Concurrency;

namespace Notifications;

/// <summary>
/// One user's inbox: stored notifications, read state, the unread count and the observers of connected frontends.
/// The grain key is the user id (see <see cref="UserIds"/>).
/// </summary>
/// <remarks>
/// The inbox keeps the newest notifications up to its configured maximum size and evicts older ones, read ones first.
/// </remarks>
[Alias("Notifications.IUserNotificationGrain")]
public interface IUserNotificationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates and stores a notification, then notifies the observers. Returns only after the notification is stored.
    /// </summary>
    /// <exception cref="NotificationValidationException">The request breaks a rule; nothing was stored.</exception>
    /// <exception cref="IdempotencyConflictException">The idempotency key was used for different content.</exception>
    [Alias("SendAsync")]
    Task<SendReceipt> SendAsync(NotificationRequest request);

    /// <summary>Returns up to <paramref name="limit"/> notifications with a seq below <paramref name="beforeSeq"/>, newest first; 0 means from the newest.</summary>
    [Alias("GetPageAsync")]
    Task<NotificationPage> GetPageAsync(long beforeSeq, int limit);

    /// <summary>Returns up to <paramref name="limit"/> notifications with a seq above <paramref name="afterSeq"/>, oldest first.</summary>
    [Alias("SyncAsync")]
    Task<SyncResult> SyncAsync(long afterSeq, int limit);

    /// <summary>Returns the number of unread notifications.</summary>
    [Alias("GetUnreadCountAsync")]
    Task<int> GetUnreadCountAsync();

    /// <summary>Marks the given notifications read; unknown ids are reported, not rejected.</summary>
    [Alias("MarkReadAsync")]
    Task<MarkReadResult> MarkReadAsync(IReadOnlyList<string> ids);

    /// <summary>
    /// Marks every notification with a seq up to <paramref name="upToSeq"/> read and returns the new unread count.
    /// Notifications that arrived after that seq stay unread.
    /// </summary>
    [Alias("MarkAllReadAsync")]
    Task<int> MarkAllReadAsync(long upToSeq);

    /// <summary>
    /// Adds or refreshes an observer. The subscription expires unless renewed within the grain's observer expiry.
    /// </summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(INotificationObserver observer);

    /// <summary>Removes an observer. It may run while another call awaits storage, so it does not queue behind sends.</summary>
    [AlwaysInterleave, Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(INotificationObserver observer);
}
