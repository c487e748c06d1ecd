using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// README "Adopting an existing setup", step by step: import blocks for the token, the job and the integration,
/// <c>-generate-config-out</c>, the two edits the README asks for, one apply that only sends the key to Datafold, then
/// an empty plan.
/// </summary>
public sealed class AdoptionEndToEndTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    [Fact]
    public async Task Import_generate_edit_and_apply_adopts_all_three_with_one_write_to_Datafold()
    {
        await fixture.ResetAsync();
        // The existing setup (made here by another configuration, as if by hand).
        var existing = TerraformCli.InNewDirectory(fixture, "adopt-existing").WriteConfig(DatafoldSetup.All);
        (await existing.ApplyAsync()).Succeeded();
        var token = Assert.Single(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 1);
        var job = Assert.Single(await fixture.JobsAsync(), j => (int?)j["state"] == 1);
        var ci = Assert.Single(await fixture.CiConfigsAsync());
        var secret = (string)token["token_string"]!;

        var tf = TerraformCli.InNewDirectory(fixture, "adopt").WriteConfig($$"""
            import {
              to = dbtcloud_service_token.datafold
              id = "{{token["id"]}}"
            }
            import {
              to = dbtcloud_artifacts_job.datafold
              id = "{{job["id"]}}"
            }
            import {
              to = datafold_dbt_integration.ci
              id = "{{ci["id"]}}"
            }
            """);
        await tf.RunAsync("plan", "-generate-config-out=generated.tf");
        var generatedPath = Path.Combine(tf.WorkingDirectory, "generated.tf");
        Assert.True(File.Exists(generatedPath), "terraform wrote no generated.tf");

        // The README's two edits: create_before_destroy on the token, the key on the integration (write-only here).
        var generated = File.ReadAllText(generatedPath);
        generated = Regex.Replace(generated, @"^\s*dbt_cloud_api_token(_wo|_wo_version)?\s*=.*\n", "", RegexOptions.Multiline);
        generated = Insert(generated, "resource \"dbtcloud_service_token\" \"datafold\" {", "  lifecycle {\n    create_before_destroy = true\n  }");
        generated = Insert(generated, "resource \"datafold_dbt_integration\" \"ci\" {",
            $"  dbt_cloud_api_token_wo         = \"{secret}\"\n  dbt_cloud_api_token_wo_version = 1");
        File.WriteAllText(generatedPath, generated);

        var before = await fixture.RequestCountsAsync();
        var apply = (await tf.ApplyAsync()).Succeeded();
        Assert.Contains("3 imported, 0 added, 1 changed, 0 destroyed", apply.Stdout);
        var writes = (await fixture.RequestCountsAsync()).Where(kv => ProviderFixture.IsWrite(kv.Key) && kv.Value > before.GetValueOrDefault(kv.Key))
            .Select(kv => kv.Key).ToArray();
        Assert.Equal(["PUT /api/v1/ci/dbt_cloud/{id}/"], writes);
        (await tf.PlanAsync()).Expect(0);
        Assert.Equal(secret, (string)Assert.Single(await fixture.ServiceTokensAsync(), t => (int?)t["state"] == 1)["token_string"]!);
    }

    private static string Insert(string hcl, string blockHeader, string lines)
    {
        var at = hcl.IndexOf(blockHeader, StringComparison.Ordinal);
        Assert.True(at >= 0, $"generated.tf has no {blockHeader}\n{hcl}");
        at += blockHeader.Length;
        return hcl[..at] + "\n" + lines + hcl[at..];
    }
}
