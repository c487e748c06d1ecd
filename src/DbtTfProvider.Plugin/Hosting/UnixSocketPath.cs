using System.Text;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>A fresh socket path per process, like go-plugin's os.CreateTemp(dir, "plugin"): Terraform runs several
/// provider processes at once, so the name must never be shared. The name needs uniqueness, not secrecy: a
/// non-cryptographic random number keeps OpenSSL from loading on the start-up path.</summary>
internal static class UnixSocketPath
{
    // sockaddr_un.sun_path is 108 bytes on Linux including the terminating NUL.
    private const int MaxPathBytes = 107;

    public static string Create(string? directory)
    {
        var dir = string.IsNullOrEmpty(directory) ? Path.GetTempPath() : directory;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var path = Path.Combine(dir, "plugin" + Random.Shared.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (Encoding.UTF8.GetByteCount(path) > MaxPathBytes)
            {
                throw new InvalidOperationException(
                    $"The unix socket path \"{path}\" is longer than {MaxPathBytes} bytes; set PLUGIN_UNIX_SOCKET_DIR or TMPDIR to a shorter directory.");
            }
            if (!File.Exists(path) && !Directory.Exists(path)) return path;
        }
        throw new InvalidOperationException($"Could not find a free socket name in \"{dir}\".");
    }

    public static void Remove(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
