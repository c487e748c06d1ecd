using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The framework and host end to end: the real terraform launches the test provider executable itself and drives
/// <c>testfs_item</c> (a JSON file per item) through the life cycle a user sees.
/// </summary>
public sealed class TestfsItemTests : IDisposable
{
    private readonly TestfsWorkspace _ws = new();
    private TerraformRunner Tf => _ws.Terraform;

    public void Dispose() => _ws.Dispose();

    private string Item(string name, string? kind = null, string? mode = null, string? password = "hunter2") =>
        TestfsWorkspace.ProviderHcl(_ws.ItemsDirectory) + $$"""
        resource "testfs_item" "a" {
          name = "{{name}}"
          {{(kind is null ? "" : $"kind = \"{kind}\"")}}
          {{(mode is null ? "" : $"mode = \"{mode}\"")}}
          {{(password is null ? "" : $"password_wo = \"{password}\"")}}
          tag {
            key   = "env"
            value = "prod"
          }
          tag {
            key = "team"
          }
        }
        """;

    private JsonObject ItemFile(string id) => JsonNode.Parse(File.ReadAllText(_ws.ItemPath(id)))!.AsObject();

    private async Task<string> StateString(string attribute) =>
        (await Tf.ResourceValuesAsync("testfs_item.a"))!.Value.GetProperty(attribute).GetString()!;

    private static void AssertMatches(string pattern, string text) =>
        Assert.True(Regex.IsMatch(text, pattern), $"expected /{pattern}/ in:\n{text}");

    [Fact]
    public async Task Life_cycle_create_no_op_update_replace_drift_delete_upstream_and_destroy()
    {
        Tf.WriteConfig(Item("alpha"));
        await Tf.SucceedAsync("validate");

        // Plan: defaults shown, computed values known after apply, the write-only value never shown.
        var plan = await Tf.ExpectAsync(2, "plan", "-detailed-exitcode");
        Assert.Contains("# testfs_item.a will be created", plan.Stdout);
        AssertMatches(@"\+ mode\s+= ""standard""", plan.Stdout);
        AssertMatches(@"\+ id\s+= \(known after apply\)", plan.Stdout);
        AssertMatches(@"\+ password_wo\s+= \(write-only attribute\)", plan.Stdout);
        Assert.DoesNotContain("hunter2", plan.Output);

        await Tf.SucceedAsync("apply", "-auto-approve");
        var id = await StateString("id");
        var file = ItemFile(id);
        Assert.Equal("alpha", file["name"]!.GetValue<string>());
        Assert.Equal(2, file["tags"]!.AsArray().Count);
        // The write-only value reached the provider (it recorded its hash) but not the state file.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("hunter2"u8)), file["password_sha256"]!.GetValue<string>());
        var stateFile = Tf.StateFileText;
        Assert.DoesNotContain("hunter2", stateFile);
        Assert.Contains("\"password_wo\": null", stateFile);
        using (var shown = await Tf.ShowStateAsync())
        {
            var resource = shown.RootElement.GetProperty("values").GetProperty("root_module").GetProperty("resources")[0];
            Assert.True(resource.GetProperty("sensitive_values").GetProperty("secret").GetBoolean());
        }
        var secret = await StateString("secret");
        Assert.EndsWith(file["secret_hint"]!.GetValue<string>(), secret);

        await Tf.ExpectEmptyPlanAsync();

        // In-place update: only the changed attribute, and the computed one without a kept value, change.
        Tf.WriteConfig(Item("beta"));
        var update = await Tf.ExpectAsync(2, "plan", "-detailed-exitcode");
        Assert.Contains("# testfs_item.a will be updated in-place", update.Stdout);
        AssertMatches(@"~ name\s+= ""alpha"" -> ""beta""", update.Stdout);
        AssertMatches(@"~ revision\s+= 1 -> \(known after apply\)", update.Stdout);
        Assert.Contains("Plan: 0 to add, 1 to change, 0 to destroy.", update.Stdout);
        await Tf.SucceedAsync("apply", "-auto-approve");
        Assert.Equal(id, await StateString("id"));
        Assert.Equal(secret, await StateString("secret"));
        Assert.Equal("beta", ItemFile(id)["name"]!.GetValue<string>());
        Assert.Equal(2, ItemFile(id)["revision"]!.GetValue<long>());
        await Tf.ExpectEmptyPlanAsync();

        // RequiresReplace: a new kind is a new item.
        Tf.WriteConfig(Item("beta", kind: "special"));
        var replace = await Tf.ExpectAsync(2, "plan", "-detailed-exitcode");
        Assert.Contains("# testfs_item.a must be replaced", replace.Stdout);
        AssertMatches(@"~ kind\s+= ""plain"" -> ""special"" # forces replacement", replace.Stdout);
        await Tf.SucceedAsync("apply", "-auto-approve");
        var newId = await StateString("id");
        Assert.NotEqual(id, newId);
        Assert.False(File.Exists(_ws.ItemPath(id)), "the replaced item is deleted");
        Assert.Equal("special", ItemFile(newId)["kind"]!.GetValue<string>());
        await Tf.ExpectEmptyPlanAsync();

        // Drift: an edit behind Terraform's back shows on refresh, and apply puts it back.
        var edited = ItemFile(newId);
        edited["name"] = "edited";
        File.WriteAllText(_ws.ItemPath(newId), edited.ToJsonString());
        var drift = await Tf.ExpectAsync(2, "plan", "-refresh-only", "-detailed-exitcode");
        Assert.Contains("# testfs_item.a has changed", drift.Stdout);
        AssertMatches(@"~ name\s+= ""beta"" -> ""edited""", drift.Stdout);
        var restore = await Tf.ExpectAsync(2, "plan", "-detailed-exitcode");
        AssertMatches(@"~ name\s+= ""edited"" -> ""beta""", restore.Stdout);
        await Tf.SucceedAsync("apply", "-auto-approve");
        Assert.Equal("beta", ItemFile(newId)["name"]!.GetValue<string>());
        await Tf.ExpectEmptyPlanAsync();

        // Deleted upstream: the refresh drops it and the plan creates it again.
        File.Delete(_ws.ItemPath(newId));
        var gone = await Tf.ExpectAsync(2, "plan", "-refresh-only", "-detailed-exitcode");
        Assert.Contains("# testfs_item.a has been deleted", gone.Stdout);
        var recreate = await Tf.ExpectAsync(2, "plan", "-detailed-exitcode");
        Assert.Contains("# testfs_item.a will be created", recreate.Stdout);
        await Tf.SucceedAsync("apply", "-auto-approve");
        var recreatedId = await StateString("id");
        Assert.True(File.Exists(_ws.ItemPath(recreatedId)));
        await Tf.ExpectEmptyPlanAsync();

        await Tf.SucceedAsync("destroy", "-auto-approve");
        Assert.Empty(Directory.GetFiles(_ws.ItemsDirectory));
        Assert.Null(await Tf.ResourceValuesAsync("testfs_item.a"));
    }

    private string ItemWithNested(string team, string label) =>
        TestfsWorkspace.ProviderHcl(_ws.ItemsDirectory) + $$"""
        resource "testfs_item" "a" {
          name  = "alpha"
          owner = { name = "ann"{{(team.Length == 0 ? "" : $", team = \"{team}\"")}} }
          labels = {
            tier = { value = "{{label}}" }
          }
        }
        """;

    [Fact]
    public async Task Nested_attributes_plan_with_defaults_apply_stay_unchanged_and_validate_at_their_path()
    {
        Tf.WriteConfig(ItemWithNested("", "gold"));
        var plan = await Tf.ExpectAsync(2, "plan", "-detailed-exitcode");
        AssertMatches(@"\+ owner\s+= \{", plan.Stdout);
        AssertMatches(@"\+ team\s+= ""data""", plan.Stdout);
        AssertMatches(@"\+ ""tier"" = \{", plan.Stdout);

        await Tf.SucceedAsync("apply", "-auto-approve");
        var file = ItemFile(await StateString("id"));
        Assert.Equal("data", (string)file["owner"]!["team"]!);
        Assert.Equal("gold", (string)file["labels"]!["tier"]!);
        await Tf.ExpectAsync(0, "plan", "-detailed-exitcode");

        Tf.WriteConfig(ItemWithNested("platform", "silver"));
        var update = await Tf.ExpectAsync(2, "plan", "-detailed-exitcode");
        Assert.Contains("# testfs_item.a will be updated in-place", update.Stdout);
        await Tf.SucceedAsync("apply", "-auto-approve");
        Assert.Equal("silver", (string)ItemFile(await StateString("id"))["labels"]!["tier"]!);
        await Tf.ExpectAsync(0, "plan", "-detailed-exitcode");

        Tf.WriteConfig(ItemWithNested("sales", "silver"));
        var invalid = await Tf.ExpectAsync(1, "validate");
        Assert.Contains("team must be one of \"data\", \"platform\"; got \"sales\".", invalid.Stderr);
        AssertMatches(@"on main\.tf line \d+, in resource ""testfs_item"" ""a"":", invalid.Stderr);
    }

    [Fact]
    public async Task A_validation_error_names_the_attribute_and_its_line()
    {
        Tf.WriteConfig(Item("alpha", mode: "slow"));
        var result = await Tf.ExpectAsync(1, "validate");
        Assert.Contains("Error: Invalid attribute value", result.Stderr);
        Assert.Contains("mode must be one of \"standard\", \"fast\", \"archive\"; got \"slow\".", result.Stderr);
        AssertMatches(@"on main\.tf line \d+, in resource ""testfs_item"" ""a"":", result.Stderr);
        AssertMatches(@"mode = ""slow""", result.Stderr);
    }

    [Fact]
    public async Task An_import_block_adopts_an_existing_item_and_the_next_plan_is_empty()
    {
        // The root comes from the environment this time (the provider block leaves it out).
        Tf.Environment["TESTFS_ROOT"] = _ws.ItemsDirectory;
        File.WriteAllText(_ws.ItemPath("cafe01"), """
            {"id":"cafe01","name":"handmade","mode":"fast","kind":"plain","secret_hint":"","revision":4,
             "tags":[{"key":"env","value":"dev"}]}
            """);
        Tf.WriteConfig(TestfsWorkspace.ProviderHcl(root: null) + """
            import {
              to = testfs_item.imported
              id = "cafe01"
            }
            resource "testfs_item" "imported" {
              name = "handmade"
              mode = "fast"
              tag {
                key   = "env"
                value = "dev"
              }
            }
            """);
        var plan = await Tf.ExpectAsync(2, "plan", "-detailed-exitcode");
        Assert.Contains("# testfs_item.imported will be imported", plan.Stdout);
        Assert.Contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.", plan.Stdout);

        await Tf.SucceedAsync("apply", "-auto-approve");
        var values = (await Tf.ResourceValuesAsync("testfs_item.imported"))!.Value;
        Assert.Equal("cafe01", values.GetProperty("id").GetString());
        Assert.Equal(4, values.GetProperty("revision").GetInt64());
        await Tf.ExpectEmptyPlanAsync();
    }

    [Fact]
    public async Task A_create_that_fails_halfway_keeps_the_item_in_state_as_tainted()
    {
        Tf.WriteConfig(Item("alpha"));
        Tf.Environment["TESTFS_FAIL_AFTER_CREATE"] = "1";
        var failed = await Tf.ExpectAsync(1, "apply", "-auto-approve");
        Assert.Contains("Error: Failed after create", failed.Stderr);

        var id = await StateString("id");
        Assert.True(File.Exists(_ws.ItemPath(id)), "the item exists upstream");
        Assert.Contains("\"status\": \"tainted\"", Tf.StateFileText);

        Tf.Environment.Remove("TESTFS_FAIL_AFTER_CREATE");
        var plan = await Tf.ExpectAsync(2, "plan", "-detailed-exitcode");
        Assert.Contains("# testfs_item.a is tainted, so must be replaced", plan.Stdout);
    }
}
