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
}
