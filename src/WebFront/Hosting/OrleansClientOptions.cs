using System.ComponentModel.DataAnnotations;

namespace Notifications.WebFront.Hosting;

/// <summary>How this frontend joins the cluster, bound from the <c>Orleans</c> configuration section.</summary>
public sealed class OrleansClientOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Orleans";

    /// <summary>Id of the cluster to join; must match the silos'. Default <c>notifications-dev</c>.</summary>
    [Required(ErrorMessage = "Orleans:ClusterId is required.")]
    public string ClusterId { get; set; } = "notifications-dev";

    /// <summary>Service id of the cluster; must match the silos'. Default <c>notifications</c>.</summary>
    [Required(ErrorMessage = "Orleans:ServiceId is required.")]
    public string ServiceId { get; set; } = "notifications";

    /// <summary>
    /// Interval at which this frontend renews its observer subscriptions. It must stay well below the silos'
    /// <c>Inbox:ObserverExpiry</c>. Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ErrorMessage = "Orleans:ObserverRefreshInterval must be from 00:00:01 to 00:30:00.")]
    public TimeSpan ObserverRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Interval at which this frontend reads the list of active silos, to renew observer subscriptions at once
    /// after a silo left. Default 2 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "00:01:00", ErrorMessage = "Orleans:MembershipPollInterval must be from 00:00:00.200 to 00:01:00.")]
    public TimeSpan MembershipPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
