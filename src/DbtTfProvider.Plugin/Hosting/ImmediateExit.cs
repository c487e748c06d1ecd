using System.Runtime.InteropServices;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// Ends the process at once: no ProcessExit handlers, no runtime shutdown and no C atexit handlers (OpenSSL's global
/// clean-up among them). Only for a plugin that has nothing left to protect: Terraform told it to exit (Shutdown) and
/// no provider call is under way, its log lines are already written (they are unbuffered, see
/// <see cref="HclogLoggerProvider"/>) and the caller has removed its socket file.
/// </summary>
internal static unsafe class ImmediateExit
{
    public static void Now(int exitCode)
    {
        // _exit(2) from the C library the process already has loaded; Windows (and a libc without it) takes the
        // runtime's own exit.
        if (!OperatingSystem.IsWindows() && NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "_exit", out var exit))
            ((delegate* unmanaged<int, void>)exit)(exitCode);
        Environment.Exit(exitCode);
    }
}
