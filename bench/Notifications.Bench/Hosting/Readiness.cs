using System.Net.Sockets;

namespace Notifications.Bench.Hosting;

/// <summary>Waits for a started server to accept work, failing fast when its process exits.</summary>
public static class Readiness
{
    /// <summary>Polls <c>GET {baseAddress}/health/ready</c> every 100 ms until it returns 200.</summary>
    public static async Task WaitForHttpAsync(
        ChildProcess process, Uri baseAddress, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await WaitAsync(process, timeout, async () =>
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }, cancellationToken);
    }

    /// <summary>Polls a TCP connect to 127.0.0.1:<paramref name="port"/> every 100 ms until it succeeds.</summary>
    public static Task WaitForPortAsync(
        ChildProcess process, int port, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(process, timeout, async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }, cancellationToken);

    private static async Task WaitAsync(
        ChildProcess process, TimeSpan timeout, Func<Task<bool>> probe, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{process.Name} exited before it was ready. Log {process.LogPath}:\n{process.ReadLogTail()}");
            }

            try
            {
                if (await probe())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe timed out; try again.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException(
            $"{process.Name} was not ready within {timeout.TotalSeconds:0} s. Log {process.LogPath}:\n" +
            process.ReadLogTail());
    }
}
