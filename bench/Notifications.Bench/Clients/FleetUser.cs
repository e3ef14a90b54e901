namespace Notifications.Bench.Clients;

/// <summary>A simulated user and how many connections (browser tabs or devices) it keeps open.</summary>
public sealed record FleetUser(string UserId, int Connections)
{
    /// <summary>
    /// Makes <paramref name="count"/> users named PREFIX-0, PREFIX-1, ...; every fourth user has a second connection
    /// when <paramref name="mixedConnections"/> is set.
    /// </summary>
    public static IReadOnlyList<FleetUser> Create(string prefix, int count, bool mixedConnections)
    {
        var users = new FleetUser[count];
        for (var i = 0; i < count; i++)
        {
            var connections = mixedConnections && i % 4 == 0 ? 2 : 1;
            users[i] = new FleetUser($"{prefix}-{i}", connections);
        }

        return users;
    }
}
