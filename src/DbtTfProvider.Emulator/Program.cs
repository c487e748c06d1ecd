namespace DbtTfProvider.Emulator;

/// <summary>Standalone: <c>--urls http://127.0.0.1:0 --seed FILE</c>; the first stdout line says where it listens.</summary>
internal static class Program
{
    private const string Usage = "usage: DbtTfProvider.Emulator [--urls http://127.0.0.1:PORT] [--seed FILE]";

    public static async Task<int> Main(string[] args)
    {
        var urls = "http://127.0.0.1:0";
        string? seedPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (name is "-h" or "--help")
            {
                Console.WriteLine(Usage);
                return 0;
            }
            if (name is not ("--urls" or "--seed"))
            {
                Console.Error.WriteLine($"unknown argument '{args[i]}'\n{Usage}");
                return 2;
            }
            var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
            if (value is null)
            {
                Console.Error.WriteLine($"{name} needs a value\n{Usage}");
                return 2;
            }
            if (name == "--urls")
            {
                urls = value;
            }
            else
            {
                seedPath = value;
            }
        }

        EmulatorSeed seed;
        try
        {
            seed = seedPath is null ? EmulatorSeed.Default() : EmulatorSeed.Load(seedPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cannot read the seed: {e.Message}");
            return 2;
        }

        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(seed, urls, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"cannot listen on {urls}: {e.Message}");
            return 1;
        }
        await using var running = server;
        Console.Out.WriteLine($"emulator listening on {server.BaseUrl}");
        Console.Out.Flush();
        await server.WaitForShutdownAsync();
        return 0;
    }
}
