using System.ComponentModel.DataAnnotations;

namespace Notifications.Silo;

/// <summary>Network settings of this silo, bound from the <c>Silo</c> configuration section.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Silo";

    /// <summary>Port for silo-to-silo traffic. Default 11111.</summary>
    [Range(1, 65535, ErrorMessage = "Silo:SiloPort must be a port number from 1 to 65535.")]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port where frontends connect as Orleans clients. Default 30000.</summary>
    [Range(1, 65535, ErrorMessage = "Silo:GatewayPort must be a port number from 1 to 65535.")]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address that other silos and clients use to reach this silo. Default 127.0.0.1.</summary>
    [Required(ErrorMessage = "Silo:AdvertisedIPAddress is required.")]
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";
}
