using Grpc.Core;
using Grpc.Health.V1;
using Tfplugin6;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>AutoMTLS: only the exact certificate Terraform put in PLUGIN_CLIENT_CERT gets through, with either server
/// TLS implementation: libssl (Linux) and SslStream (the macOS and Windows builds; forced here by DBTTF_PLUGIN_TLS).</summary>
public sealed class MutualTlsTests
{
    private static Dictionary<string, string?> Environment(string clientPem, string tls, string versions = "5,6")
    {
        var environment = PluginProcess.TerraformEnvironment(clientPem, versions);
        environment["DBTTF_PLUGIN_TLS"] = tls == "dotnet" ? "dotnet" : null;
        return environment;
    }

    [Theory]
    [InlineData("libssl")]
    [InlineData("dotnet")]
    public async Task A_client_with_another_certificate_is_refused_while_Terraforms_certificate_works(string tls)
    {
        using var terraform = TerraformClientCertificate.Create();
        using var impostor = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(Environment(terraform.ExportCertificatePem(), tls));
        var handshake = await plugin.HandshakeAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new Health.HealthClient(plugin.Connect(handshake, impostor)).CheckAsync(new HealthCheckRequest { Service = "plugin" }).ResponseAsync);
        AssertRefused(refused);
        await plugin.WaitForStderrAsync(l => l.Contains("refused a connection"), TimeSpan.FromSeconds(10));

        var accepted = await new Health.HealthClient(plugin.Connect(handshake, terraform)).CheckAsync(new HealthCheckRequest { Service = "plugin" });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, accepted.Status);
    }

    [Theory]
    [InlineData("libssl")]
    [InlineData("dotnet")]
    public async Task A_client_without_a_certificate_is_refused(string tls)
    {
        using var terraform = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(Environment(terraform.ExportCertificatePem(), tls));
        var handshake = await plugin.HandshakeAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new Provider.ProviderClient(plugin.Connect(handshake, clientCertificate: null)).GetProviderSchemaAsync(new GetProviderSchema.Types.Request()).ResponseAsync);

        AssertRefused(refused);
        await plugin.WaitForStderrAsync(l => l.Contains("refused a connection"), TimeSpan.FromSeconds(10));
        var schema = await new Provider.ProviderClient(plugin.Connect(handshake, terraform)).GetProviderSchemaAsync(new GetProviderSchema.Types.Request());
        Assert.NotNull(schema.Provider);
    }

    [Theory]
    [InlineData("libssl")]
    [InlineData("dotnet")]
    public async Task Provider_RPCs_are_served_over_mutual_TLS(string tls)
    {
        using var terraform = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(Environment(terraform.ExportCertificatePem(), tls, "6,5"));
        var provider = new Provider.ProviderClient(plugin.Connect(await plugin.HandshakeAsync(), terraform));

        var schema = await provider.GetProviderSchemaAsync(new GetProviderSchema.Types.Request());
        var unimplemented = await Assert.ThrowsAsync<RpcException>(() =>
            provider.ImportResourceStateAsync(new ImportResourceState.Types.Request { TypeName = "hosttest_thing", Id = "1" }).ResponseAsync);

        Assert.NotNull(schema.Provider.Block);
        Assert.True(schema.ServerCapabilities.GetProviderSchemaOptional);
        Assert.Equal(StatusCode.Unimplemented, unimplemented.StatusCode);
    }

    [Fact]
    public async Task Messages_far_above_the_4_MiB_gRPC_default_are_accepted()
    {
        using var terraform = TerraformClientCertificate.Create();
        await using var plugin = PluginProcess.Start(PluginProcess.TerraformEnvironment(terraform.ExportCertificatePem()));
        var provider = new Provider.ProviderClient(plugin.Connect(await plugin.HandshakeAsync(), terraform));
        var big = new ValidateResourceConfig.Types.Request
        {
            TypeName = "hosttest_thing",
            Config = new DynamicValue { Msgpack = Google.Protobuf.ByteString.CopyFrom(new byte[65 * 1024 * 1024]) },
        };

        // The test provider does not implement this RPC: Unimplemented (not ResourceExhausted) shows the 65 MiB
        // message was received whole and dispatched.
        var error = await Assert.ThrowsAsync<RpcException>(() => provider.ValidateResourceConfigAsync(big).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    /// <summary>With TLS 1.3 the server checks the client certificate after the client has finished its side of
    /// the handshake, so the client sees the refusal either while connecting (Unavailable) or as the connection
    /// closing under its first request (Internal).</summary>
    private static void AssertRefused(RpcException refused) =>
        Assert.Contains(refused.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });
}
