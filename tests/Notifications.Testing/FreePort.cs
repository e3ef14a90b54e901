using System.Net;
using System.Net.Sockets;

namespace Notifications.Testing;

/// <summary>Finds TCP ports on 127.0.0.1 that are free right now.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>Returns a free port that this process has not handed out before.</summary>
    public static int Next()
    {
        // The OS can return the same ephemeral port again after it was released. Remembering the ports handed out
        // keeps two servers of one test run from getting the same port.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Handed)
            {
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("No free port found in 100 attempts.");
    }

    /// <summary>Waits until a port on 127.0.0.1 accepts connections, or throws after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilOpenAsync(int port, TimeSpan timeout, Func<bool>? processAlive = null, string name = "server")
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (processAlive is not null && !processAlive())
            {
                throw new InvalidOperationException($"{name} exited before opening port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{name} did not open port {port} within {timeout.TotalSeconds:0} s.");
    }
}
