using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The transport a Windows user gets: go-plugin servers listen on TCP 127.0.0.1 there, and the host does the same
/// (DBTTF_PLUGIN_NETWORK=tcp forces it here). The real terraform dials the address from the handshake line, so a
/// whole apply, plan and destroy over TCP with AutoMTLS is what keeps the Windows build working.
/// </summary>
public sealed class TcpTransportTests : IDisposable
{
    private readonly TestfsWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Terraform_drives_the_provider_over_tcp_on_loopback_when_the_host_listens_there()
    {
        var tf = _ws.Terraform;
        tf.Environment["DBTTF_PLUGIN_NETWORK"] = "tcp";
        // The provider's own trace line says where it listens; Terraform passes provider logs through.
        tf.Environment["TF_LOG_PROVIDER"] = "trace";
        tf.WriteConfig(TestfsWorkspace.ProviderHcl(_ws.ItemsDirectory) + """
            resource "testfs_item" "a" {
              name = "over-tcp"
            }
            """);

        var apply = await tf.SucceedAsync("apply", "-auto-approve");
        var listening = Regex.Matches(apply.Stderr, @"plugin server listening on (\w+) ([0-9.]+):(\d+)");
        Assert.True(listening.Count > 0, "no provider listened on TCP:\n" + apply.Stderr);
        foreach (Match m in listening)
        {
            Assert.Equal("tcp", m.Groups[1].Value);
            Assert.Equal("127.0.0.1", m.Groups[2].Value);
            // Terraform's PLUGIN_MIN_PORT..PLUGIN_MAX_PORT.
            Assert.InRange(int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), 10000, 25000);
        }
        Assert.DoesNotContain("listening on unix", apply.Stderr);
        Assert.Single(Directory.GetFiles(_ws.ItemsDirectory));

        await tf.ExpectEmptyPlanAsync();
        await tf.SucceedAsync("destroy", "-auto-approve");
        Assert.Empty(Directory.GetFiles(_ws.ItemsDirectory));
    }
}
