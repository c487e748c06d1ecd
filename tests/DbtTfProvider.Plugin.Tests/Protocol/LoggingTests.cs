using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tfplugin6;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>stderr is read by go-plugin line by line as hclog JSON; a line it cannot parse loses its level.</summary>
public sealed partial class LoggingTests
{
    // Go layout 2006-01-02T15:04:05.000000Z07:00, which is what go-plugin parses @timestamp with.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex HclogTimestamp();

    [Fact]
    public async Task Every_stderr_line_is_hclog_JSON_with_level_message_module_and_a_six_digit_timestamp()
    {
        using var terraform = TerraformClientCertificate.Create();
        var env = PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem());
        env["TF_LOG"] = "TRACE";
        var lines = await RunSlowApplyAndShutDownAsync(env, terraform);

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Contains(root.GetProperty("@level").GetString(), new[] { "trace", "debug", "info", "warn", "error" });
            Assert.False(string.IsNullOrEmpty(root.GetProperty("@message").GetString()), line);
            var stamp = root.GetProperty("@timestamp").GetString()!;
            Assert.Matches(HclogTimestamp(), stamp);
            var parsed = DateTimeOffset.ParseExact(stamp, "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
            Assert.True(Math.Abs((DateTimeOffset.UtcNow - parsed).TotalMinutes) < 5, stamp);
            Assert.StartsWith("provider", root.GetProperty("@module").GetString());
        }

        // The provider's own structured state arrives as extra key/value fields, at the level it was logged.
        using var started = JsonDocument.Parse(lines.Single(l => l.Contains("apply started")));
        Assert.Equal("info", started.RootElement.GetProperty("@level").GetString());
        Assert.Equal("provider.hosttest", started.RootElement.GetProperty("@module").GetString());
        Assert.Equal("hosttest_slow", started.RootElement.GetProperty("tf_resource_type").GetString());
        Assert.Contains(lines, l => l.Contains("\"@level\":\"trace\""));
    }

    [Fact]
    public async Task TF_LOG_PROVIDER_sets_the_level_and_takes_precedence_over_TF_LOG()
    {
        using var terraform = TerraformClientCertificate.Create();
        var env = PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem());
        env["TF_LOG"] = "TRACE";
        env["TF_LOG_PROVIDER"] = "WARN";

        var lines = await RunSlowApplyAndShutDownAsync(env, terraform);

        Assert.Contains(lines, l => l.Contains("apply of hosttest_slow cancelled") && l.Contains("\"@level\":\"warn\""));
        Assert.DoesNotContain(lines, l => l.Contains("apply started"));
        Assert.DoesNotContain(lines, l => l.Contains("\"@level\":\"info\"") || l.Contains("\"@level\":\"debug\"") || l.Contains("\"@level\":\"trace\""));
    }

    [Fact]
    public async Task TF_LOG_OFF_keeps_stderr_silent()
    {
        using var terraform = TerraformClientCertificate.Create();
        var env = PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem());
        env["TF_LOG"] = "off";

        var lines = await RunSlowApplyAndShutDownAsync(env, terraform);

        Assert.Empty(lines);
    }

    private static async Task<IReadOnlyList<string>> RunSlowApplyAndShutDownAsync(Dictionary<string, string?> env,
        System.Security.Cryptography.X509Certificates.X509Certificate2 terraform)
    {
        await using var plugin = PluginProcess.Start(env);
        var handshake = await plugin.HandshakeAsync();
        var channel = plugin.Connect(handshake, terraform);
        var provider = new Provider.ProviderClient(channel);
        try
        {
            var apply = provider.ApplyResourceChangeAsync(new ApplyResourceChange.Types.Request { TypeName = "hosttest_slow" }).ResponseAsync;
            await provider.GetProviderSchemaAsync(new GetProviderSchema.Types.Request());
            // The apply ends cancelled whether it started before or after StopProvider (a stopped provider stays stopped).
            await provider.StopProviderAsync(new StopProvider.Types.Request());
            await apply.WaitAsync(TimeSpan.FromSeconds(10));
            await new GoPlugin.GRPCController.GRPCControllerClient(channel).ShutdownAsync(new GoPlugin.Empty());
            await plugin.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("provider stderr:\n" + string.Join("\n", plugin.StderrLines), e);
        }
        return plugin.StderrLines;
    }
}
