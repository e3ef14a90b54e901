using System.ComponentModel.DataAnnotations;

namespace Notifications.Silo;

/// <summary>Identity of the cluster, bound from the <c>Orleans</c> configuration section.</summary>
public sealed class NotificationClusterOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Orleans";

    /// <summary>Id shared by the silos and clients of one deployment. Default <c>notifications-dev</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9-]{1,64}$", ErrorMessage = "Orleans:ClusterId must have 1 to 64 letters, digits or '-'.")]
    public string ClusterId { get; set; } = "notifications-dev";

    /// <summary>Id that keeps stored grain state across deployments. Default <c>notifications</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9-]{1,64}$", ErrorMessage = "Orleans:ServiceId must have 1 to 64 letters, digits or '-'.")]
    public string ServiceId { get; set; } = "notifications";
}
