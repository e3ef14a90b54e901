using System.ComponentModel.DataAnnotations;

namespace Notifications.Silo;

/// <summary>Azure Storage settings, bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>
    /// Connection string used for clustering, grain state and notification rows. Default
    /// <c>UseDevelopmentStorage=true</c>, which is Azurite on ports 10000 to 10002.
    /// </summary>
    [Required(ErrorMessage = "Storage:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Table of notification rows. Default <c>notifications</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:NotificationsTable must be 3 to 63 letters or digits, starting with a letter.")]
    public string NotificationsTable { get; set; } = "notifications";

    /// <summary>Table of grain state (inbox summaries). Default <c>inboxsummaries</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:GrainStateTable must be 3 to 63 letters or digits, starting with a letter.")]
    public string GrainStateTable { get; set; } = "inboxsummaries";
}
