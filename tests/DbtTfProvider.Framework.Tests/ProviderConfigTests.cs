using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging.Abstractions;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

public class ProviderConfigTests
{
    public sealed class Settings
    {
        public TfString Host;
        public TfString Token;
        public TfInt64 Retries;
        public TfBool Insecure;
    }

    private static SchemaBlock SettingsBlock() => ProviderConfigSchema.Build<Settings>("test", s =>
    {
        s.String("host", c => ref c.Host).Optional().EnvironmentVariables("APP_HOST").Default("https://default");
        s.String("token", c => ref c.Token).Optional().Sensitive().EnvironmentVariables("APP_TOKEN", "APP_TOKEN_LEGACY");
        s.Int64("retries", c => ref c.Retries).Optional().EnvironmentVariables("APP_RETRIES");
        s.Bool("insecure", c => ref c.Insecure).Optional().EnvironmentVariables("APP_INSECURE");
    }).Block;

    private static (CtyValue Value, DiagnosticList Diagnostics) Resolve(Dictionary<string, string> env, params (string, CtyValue)[] config)
    {
        var block = SettingsBlock();
        var d = new DiagnosticList();
        return (ProviderConfigResolver.Resolve(block, V.Obj(block, config), n => env.GetValueOrDefault(n), d), d);
    }

    [Fact]
    public void Configuration_wins_over_the_environment()
    {
        var (v, d) = Resolve(new() { ["APP_HOST"] = "https://env" }, ("host", Str("https://config")));
        Assert.Empty(d);
        Assert.Equal(Str("https://config"), v.GetAttribute("host"));
    }

    [Fact]
    public void The_first_set_environment_variable_wins_then_the_default()
    {
        var (v, _) = Resolve(new() { ["APP_TOKEN"] = "", ["APP_TOKEN_LEGACY"] = "legacy", ["APP_RETRIES"] = " 5 ", ["APP_INSECURE"] = "true" });
        Assert.Equal(Str("legacy"), v.GetAttribute("token"));
        Assert.Equal(Num(5), v.GetAttribute("retries"));
        Assert.Equal(CtyValue.True, v.GetAttribute("insecure"));
        Assert.Equal(Str("https://default"), v.GetAttribute("host"));

        var (both, _) = Resolve(new() { ["APP_TOKEN"] = "new", ["APP_TOKEN_LEGACY"] = "legacy" });
        Assert.Equal(Str("new"), both.GetAttribute("token"));
    }

    [Fact]
    public void A_malformed_environment_value_is_an_error_naming_variable_and_setting()
    {
        var (_, d) = Resolve(new() { ["APP_RETRIES"] = "many" });
        var error = Assert.Single(d);
        Assert.Equal(CtyPath.Attribute("retries"), error.Path);
        Assert.Contains("APP_RETRIES", error.Detail);
    }

    [Fact]
    public void Unknown_configuration_stays_unknown_so_configure_is_deferred()
    {
        var (v, _) = Resolve(new() { ["APP_TOKEN"] = "env" }, ("token", UnknownString));
        Assert.True(v.GetAttribute("token").IsUnknown);
    }

    [Fact]
    public async Task Configure_errors_point_at_the_provider_setting()
    {
        var p = new WidgetProvider();
        var d = Assert.Single(await p.ConfigureAsync(Str("bad")));
        Assert.Equal(CtyPath.Attribute("endpoint"), d.Path);
    }

    [Fact]
    public async Task The_environment_fallback_feeds_configure()
    {
        var p = new WidgetProvider();
        p.Environment["TEST_ENDPOINT"] = "bad";
        Assert.Single(await p.ConfigureAsync());
    }

    // ---- personas ----

    public sealed class Client;
    public sealed class Thing { public TfString Id; }

    private sealed class ThingResource(string type) : Resource<Thing, Client>
    {
        public override string TypeName => type;
        protected override void DefineSchema(ResourceSchemaBuilder<Thing> s) => s.String("id", m => ref m.Id).Computed();
        public override Task CreateAsync(CreateContext<Thing, Client> c) => Task.CompletedTask;
        public override Task ReadAsync(ReadContext<Thing, Client> c) => Task.CompletedTask;
        public override Task UpdateAsync(UpdateContext<Thing, Client> c) => Task.CompletedTask;
        public override Task DeleteAsync(DeleteContext<Thing, Client> c) => Task.CompletedTask;
    }

    private static ProviderPart<Settings, Client> Part(string name, Action<SchemaBuilder<Settings>> config) => new()
    {
        Name = name,
        ConfigSchema = config,
        Configure = (_, _) => Task.FromResult(new Client()),
        Resources = [new ThingResource(name + "_thing")],
    };

    private static readonly ProviderDefinition TwoParts = new(
        Part("dbtcloud", s => { s.String("token", c => ref c.Token).Optional().Sensitive(); s.Int64("retries", c => ref c.Retries).Optional(); }),
        Part("datafold", s => { s.String("host", c => ref c.Host).Optional(); s.Int64("retries", c => ref c.Retries).Optional(); }));

    [Theory]
    [InlineData("terraform-provider-dbtcloud", "dbtcloud")]
    [InlineData("/x/.terraform/providers/registry.terraform.io/dbt-tf/dbtcloud/0.1.0/linux_amd64/terraform-provider-dbtcloud_v0.1.0", "dbtcloud")]
    [InlineData("terraform-provider-datafold", "datafold")]
    [InlineData("terraform-provider-datafold.exe", "datafold")]
    [InlineData("terraform-provider-dbt", "dbtcloud,datafold")]
    [InlineData("terraform-provider-dbtcloudx", "dbtcloud,datafold")]
    [InlineData("DbtTfProvider", "dbtcloud,datafold")]
    public void The_executable_name_selects_the_parts_served(string executable, string expected)
    {
        Assert.Equal(expected, string.Join(",", TwoParts.PartsFor(executable).Select(p => p.Name)));
    }

    [Fact]
    public void A_persona_advertises_only_its_resources_and_settings_and_shared_settings_appear_once()
    {
        ProviderServer Server(string exe) => new(TwoParts, NullLoggerFactory.Instance, new ProviderServerOptions { ExecutableName = exe, Environment = _ => null });

        var dbt = Server("terraform-provider-dbtcloud").Runtime;
        Assert.Equal(["dbtcloud_thing"], dbt.Resources.Keys);
        Assert.Equal(["token", "retries"], dbt.ConfigBlock.Attributes.Select(a => a.Name));

        var all = Server("terraform-provider-anything").Runtime;
        Assert.Equal(["datafold_thing", "dbtcloud_thing"], all.Resources.Keys.Order());
        Assert.Equal(["token", "retries", "host"], all.ConfigBlock.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void A_setting_shared_by_two_parts_keeps_every_flag_of_the_first_and_is_sensitive_if_either_says_so()
    {
        var definition = new ProviderDefinition(
            Part("dbtcloud", s => s.String("token", c => ref c.Token).RequiredSetting().EnvironmentVariables("APP_TOKEN").ApiName("api_token")
                .Description("The token.")),
            Part("datafold", s => s.String("token", c => ref c.Token).Optional().Sensitive()));
        var runtime = new ProviderRuntime(definition, NullLoggerFactory.Instance, "terraform-provider-anything", _ => null);

        var token = Assert.Single(runtime.ConfigBlock.Attributes);
        Assert.True(token.Sensitive);
        Assert.True(token.RequiredSetting && token.Optional);
        Assert.Equal("api_token", token.ApiName);
        Assert.Equal(["APP_TOKEN"], token.EnvironmentVariables);
        Assert.Equal("The token.", token.Description);
    }

    [Fact]
    public void A_resource_outside_its_part_prefix_is_a_schema_error()
    {
        var wrong = new ProviderPart<Settings, Client>
        {
            Name = "dbtcloud", ConfigSchema = _ => { }, Configure = (_, _) => Task.FromResult(new Client()),
            Resources = [new ThingResource("datafold_thing")],
        };
        var runtime = new ProviderRuntime(new ProviderDefinition(wrong), NullLoggerFactory.Instance, "x", _ => null);
        Assert.Contains("must start with \"dbtcloud_\"", Assert.Throws<SchemaDefinitionException>(() => runtime.Resources).Message);
    }
}
