using DbtTfProvider.Emulator.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DbtTfProvider.Emulator;

/// <summary>
/// A running emulator. In tests: <c>await using var emu = await EmulatorServer.StartAsync(EmulatorSeed.Default(), ct);</c>
/// then dbt Cloud's host_url is <c>{emu.BaseUrl}/api</c> and Datafold's host is <c>emu.BaseUrl</c>.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>"http://127.0.0.1:PORT", without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Starts on a free loopback port.</summary>
    public static Task<EmulatorServer> StartAsync(EmulatorSeed seed, CancellationToken cancellationToken = default) =>
        StartAsync(seed, "http://127.0.0.1:0", cancellationToken);

    /// <summary>Starts on a free loopback port with the seed read from a file.</summary>
    public static Task<EmulatorServer> StartAsync(string seedPath, CancellationToken cancellationToken = default) =>
        StartAsync(EmulatorSeed.Load(seedPath), cancellationToken);

    /// <summary>Starts on the given URLs (ASP.NET Core syntax; port 0 picks a free port).</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorSeed seed, string urls, CancellationToken cancellationToken)
    {
        var problems = seed.Problems();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"seed: {string.Join("; ", problems)}");
        }
        var app = EmulatorApp.Build(seed, urls);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) ?? addresses.First();
        return new EmulatorServer(app, address.TrimEnd('/'));
    }

    /// <summary>Completes when the host stops (SIGTERM, Ctrl-C).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
