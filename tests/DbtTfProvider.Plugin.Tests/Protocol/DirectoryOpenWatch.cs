using System.Runtime.InteropServices;

namespace DbtTfProvider.TestSupport;

/// <summary>
/// Counts every open of a directory, or of a file in it, by any process (Linux inotify IN_OPEN). Used to show that a
/// plugin launch never reads a certificate store: file permissions cannot show it, since tests may run as root.
/// (Also compiled into the end-to-end tests.)
/// </summary>
internal sealed class DirectoryOpenWatch : IDisposable
{
    private const int InOpen = 0x20;
    private const int InNonBlock = 0x800;
    private const int InCloExec = 0x80000;
    private const int EventHeaderBytes = 16;

    private readonly int _fd;

    public DirectoryOpenWatch(string directory)
    {
        _fd = inotify_init1(InNonBlock | InCloExec);
        if (_fd < 0) throw new InvalidOperationException($"inotify_init1 failed: errno {Marshal.GetLastPInvokeError()}");
        if (inotify_add_watch(_fd, directory, InOpen) < 0)
            throw new InvalidOperationException($"inotify_add_watch({directory}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>The opens seen since the last call: the directory itself ("") or the file names in it.</summary>
    public List<string> TakeOpens()
    {
        var opens = new List<string>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = (int)Read(_fd, buffer, buffer.Length);
            if (read <= 0) return opens;
            for (var offset = 0; offset + EventHeaderBytes <= read;)
            {
                var nameLength = BitConverter.ToInt32(buffer, offset + 12);
                var name = System.Text.Encoding.UTF8.GetString(buffer, offset + EventHeaderBytes, nameLength).TrimEnd('\0');
                opens.Add(name);
                offset += EventHeaderBytes + nameLength;
            }
        }
    }

    // A descriptor that fails to close at the end of a test leaves nothing to undo: the result is not needed.
    public void Dispose() => _ = close(_fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int inotify_init1(int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int inotify_add_watch(int fd, string path, uint mask);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int fd, byte[] buffer, nint count);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
