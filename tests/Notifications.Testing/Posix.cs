using System.Runtime.InteropServices;

namespace Notifications.Testing;

/// <summary>The POSIX kill call, to send SIGTERM, which .NET's Process class cannot.</summary>
internal static partial class Posix
{
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
