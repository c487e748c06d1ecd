using System.Diagnostics;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Tfplugin6;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>How Terraform ends a provider (Shutdown, SIGTERM), interrupts it (SIGINT + StopProvider), and how a
/// developer attaches to it (--debug).</summary>
public sealed class LifecycleTests
{
    private static readonly TimeSpan TerraformKillGrace = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Shutdown_replies_then_the_process_exits_promptly_and_removes_its_socket()
    {
        using var terraform = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem()));
        var handshake = await plugin.HandshakeAsync();
        var controller = new GoPlugin.GRPCController.GRPCControllerClient(plugin.Connect(handshake, terraform));

        await controller.ShutdownAsync(new GoPlugin.Empty());
        var clock = Stopwatch.StartNew();
        var exitCode = await plugin.WaitForExitAsync(TerraformKillGrace);

        Assert.Equal(0, exitCode);
        Assert.True(clock.Elapsed < TerraformKillGrace, $"exit took {clock.Elapsed}");
        Assert.False(File.Exists(handshake.Address), "the socket file was left behind");
        Assert.Equal("", await plugin.StdoutAfterHandshakeAsync());
    }

    [Fact]
    public async Task Shutdown_during_a_provider_call_lets_the_call_answer_before_the_process_exits()
    {
        using var terraform = TerraformClientCertificate.Create();
        await using var plugin = StartWithLogs(terraform);
        var handshake = await plugin.HandshakeAsync();
        var channel = plugin.Connect(handshake, terraform);
        var provider = new Provider.ProviderClient(channel);
        var apply = await StartSlowApplyAsync(plugin, provider);

        await new GoPlugin.GRPCController.GRPCControllerClient(channel).ShutdownAsync(new GoPlugin.Empty());
        // Without a call under way the process exits at most 100 ms after the reply (ControllerService.ExitDelay).
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(plugin.HasExited, "Shutdown ended the process while an apply was under way");

        await provider.StopProviderAsync(new StopProvider.Types.Request());
        var applied = await apply.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("Apply cancelled", Assert.Single(applied.Diagnostics).Summary);
        Assert.Equal(0, await plugin.WaitForExitAsync(TerraformKillGrace));
        Assert.False(File.Exists(handshake.Address), "the socket file was left behind");
    }

    [Fact]
    public async Task SIGTERM_exits_cleanly_and_removes_the_socket()
    {
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment(clientCertificatePem: null));
        var handshake = await plugin.HandshakeAsync();
        Assert.True(File.Exists(handshake.Address));

        plugin.Signal(PluginProcess.SIGTERM);

        Assert.Equal(0, await plugin.WaitForExitAsync(TerraformKillGrace));
        Assert.False(File.Exists(handshake.Address), "the socket file was left behind");
    }

    [Fact]
    public async Task SIGINT_does_not_stop_the_provider_because_Terraform_sends_StopProvider_instead()
    {
        using var terraform = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem()));
        var handshake = await plugin.HandshakeAsync();
        var health = new Health.HealthClient(plugin.Connect(handshake, terraform));

        plugin.Signal(PluginProcess.SIGINT);
        plugin.Signal(PluginProcess.SIGINT);
        await Task.Delay(300);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "plugin" })).Status);
        Assert.False(plugin.HasExited);
        await new GoPlugin.GRPCController.GRPCControllerClient(plugin.Connect(handshake, terraform)).ShutdownAsync(new GoPlugin.Empty());
        Assert.Equal(0, await plugin.WaitForExitAsync(TerraformKillGrace));
    }

    [Fact]
    public async Task StopProvider_cancels_a_slow_apply_which_then_returns_promptly_with_a_diagnostic()
    {
        using var terraform = TerraformClientCertificate.Create();
        await using var plugin = StartWithLogs(terraform);
        var provider = new Provider.ProviderClient(plugin.Connect(await plugin.HandshakeAsync(), terraform));

        var apply = await StartSlowApplyAsync(plugin, provider);
        Assert.False(apply.IsCompleted, "the apply should be waiting");

        var clock = Stopwatch.StartNew();
        var stop = await provider.StopProviderAsync(new StopProvider.Types.Request());
        var applied = await apply.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("", stop.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"apply returned {clock.Elapsed} after StopProvider");
        var diagnostic = Assert.Single(applied.Diagnostics);
        Assert.Equal(Diagnostic.Types.Severity.Error, diagnostic.Severity);
        Assert.Equal("Apply cancelled", diagnostic.Summary);
        Assert.False(plugin.HasExited, "StopProvider must not end the process");
    }

    [Fact]
    public async Task Terraforms_connection_survives_idle_time_between_calls()
    {
        using var terraform = TerraformClientCertificate.Create();
        var env = PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem());
        env["TF_LOG_PROVIDER"] = "DEBUG";
        await using var plugin = PluginProcess.Start(env);
        var provider = new Provider.ProviderClient(plugin.Connect(await plugin.HandshakeAsync(), terraform));

        await provider.GetProviderSchemaAsync(new GetProviderSchema.Types.Request());
        await Task.Delay(TimeSpan.FromSeconds(2));
        await provider.GetProviderSchemaAsync(new GetProviderSchema.Types.Request());

        // Each log line carries the server's connection id: one id means the server never dropped the idle connection.
        var connections = plugin.StderrLines.Where(l => l.Contains("serving the provider schema"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("ConnectionId").GetString()).ToList();
        Assert.Equal(2, connections.Count);
        Assert.Single(connections.Distinct());
    }

    [Fact]
    public async Task Health_reports_SERVING_for_plugin_and_the_whole_server_and_NotFound_otherwise()
    {
        using var terraform = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem()));
        var health = new Health.HealthClient(plugin.Connect(await plugin.HandshakeAsync(), terraform));

        var plugin_ = await health.CheckAsync(new HealthCheckRequest { Service = "plugin" });
        var server = await health.CheckAsync(new HealthCheckRequest { Service = "" });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "nope" }).ResponseAsync);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, plugin_.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, server.Status);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Debug_mode_prints_TF_REATTACH_PROVIDERS_serves_plaintext_and_stops_on_Ctrl_C()
    {
        var env = PluginProcess.TerraformEnvironment(clientCertificatePem: null);
        env["TF_PLUGIN_MAGIC_COOKIE"] = null;
        env["PLUGIN_PROTOCOL_VERSIONS"] = null;
        await using var plugin = PluginProcess.Start(env, "--debug");

        var first = await plugin.ReadStdoutLineAsync();
        Assert.StartsWith("Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment variable", first);
        string reattachLine;
        do
        {
            reattachLine = (await plugin.ReadStdoutLineAsync()).Trim();
        }
        while (reattachLine.Length == 0);
        Assert.StartsWith("TF_REATTACH_PROVIDERS='", reattachLine);
        using var reattach = JsonDocument.Parse(reattachLine["TF_REATTACH_PROVIDERS='".Length..^1]);
        var entry = reattach.RootElement.GetProperty("registry.terraform.io/dbt-tf/hosttest");
        Assert.Equal("grpc", entry.GetProperty("Protocol").GetString());
        Assert.Equal(6, entry.GetProperty("ProtocolVersion").GetInt32());
        Assert.True(entry.GetProperty("Test").GetBoolean());
        Assert.Equal(plugin.Pid, entry.GetProperty("Pid").GetInt32());
        Assert.Equal("unix", entry.GetProperty("Addr").GetProperty("Network").GetString());
        var socket = entry.GetProperty("Addr").GetProperty("String").GetString()!;

        var provider = new Provider.ProviderClient(plugin.Connect(new HandshakeLine(["1", "6", "unix", socket, "grpc", ""]), clientCertificate: null));
        Assert.NotNull((await provider.GetProviderSchemaAsync(new GetProviderSchema.Types.Request())).Provider);

        plugin.Signal(PluginProcess.SIGINT);
        Assert.Equal(0, await plugin.WaitForExitAsync(TerraformKillGrace));
        Assert.False(File.Exists(socket));
    }

    /// <summary>The host test server as Terraform starts it, logging at INFO (the slow apply says when it started).</summary>
    private static PluginProcess StartWithLogs(System.Security.Cryptography.X509Certificates.X509Certificate2 terraform)
    {
        var env = PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem());
        env["TF_LOG_PROVIDER"] = "INFO";
        return PluginProcess.Start(env);
    }

    /// <summary>An apply of hosttest_slow, under way once this returns: it runs until StopProvider or its caller cancels.</summary>
    private static async Task<Task<ApplyResourceChange.Types.Response>> StartSlowApplyAsync(PluginProcess plugin, Provider.ProviderClient provider)
    {
        var apply = provider.ApplyResourceChangeAsync(new ApplyResourceChange.Types.Request { TypeName = "hosttest_slow" }).ResponseAsync;
        await plugin.WaitForStderrAsync(l => l.Contains("apply started"), TimeSpan.FromSeconds(30));
        return apply;
    }
}
