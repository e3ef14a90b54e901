using System.ComponentModel.DataAnnotations;

namespace Notifications.WebFront.Hosting;

/// <summary>Azure Storage settings of the frontend, bound from the <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>
    /// Connection string of the storage account that contains the cluster membership table. The readiness check
    /// also reads it.
    /// Default <c>UseDevelopmentStorage=true</c> (Azurite on ports 10000 to 10002).
    /// </summary>
    [Required(ErrorMessage = "Storage:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";
}
