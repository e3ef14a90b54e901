using System.Net;
using System.Net.Sockets;

namespace Notifications.Bench.Hosting;

/// <summary>Finds free TCP ports on 127.0.0.1.</summary>
public static class PortAllocator
{
    /// <summary>
    /// Returns a port that was free a moment ago. Another process could take it before the server binds it; the
    /// server's readiness check then fails with the port named in its log.
    /// </summary>
    public static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
