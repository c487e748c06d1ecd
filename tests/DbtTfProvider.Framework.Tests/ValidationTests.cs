using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;
using static DbtTfProvider.Framework.Tests.Fixtures.V;

namespace DbtTfProvider.Framework.Tests;

public class ValidationTests
{
    private readonly WidgetProvider _p = new();

    private DiagnosticList Validate(CtyValue config, bool writeOnlyAllowed = true)
    {
        var diagnostics = new DiagnosticList();
        _p.Runtime.ValidateConfig(config, writeOnlyAllowed, diagnostics);
        return diagnostics;
    }

    [Fact]
    public void OneOf_names_the_attribute_and_the_allowed_values()
    {
        var d = Assert.Single(Validate(_p.Config(("name", Str("a")), ("mode", Str("slow")))));
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(CtyPath.Attribute("mode"), d.Path);
        Assert.Contains("\"standard\", \"fast\"", d.Detail);
        Assert.Contains("\"slow\"", d.Detail);
    }

    [Fact]
    public void A_valid_configuration_has_no_diagnostics()
    {
        Assert.Empty(Validate(_p.Config(("name", Str("a")), ("mode", Str("fast")), ("steps", Strings("dbt run", "dbt test")))));
    }

    [Fact]
    public void Element_validators_point_at_the_list_index()
    {
        var d = Assert.Single(Validate(_p.Config(("name", Str("a")), ("steps", Strings("dbt run", "make")))));
        Assert.Equal(CtyPath.Attribute("steps").Index(1), d.Path);
        Assert.Contains("must start with \"dbt \"", d.Detail);
    }

    [Fact]
    public void Validators_inside_a_single_block_point_into_the_block()
    {
        var sampling = V.Obj(_p.Block.FindBlock("sampling")!.Block, ("tolerance", CtyValue.Number(CtyNumber.Parse("1.5"))));
        var d = Assert.Single(Validate(_p.Config(("name", Str("a")), ("sampling", sampling))));
        Assert.Equal(CtyPath.Attribute("sampling").Attr("tolerance"), d.Path);
        Assert.Contains("between 0 and 1", d.Detail);
    }

    [Fact]
    public void Unknown_values_pass_every_value_validator()
    {
        var config = _p.Config(("name", UnknownString), ("mode", UnknownString),
            ("steps", CtyValue.List(CtyType.String, [Str("dbt run"), UnknownString])));
        Assert.Empty(Validate(config));
        Assert.Empty(Validate(CtyValue.Unknown(_p.Block.ImpliedType)));
    }

    [Fact]
    public void The_resource_ValidateConfig_hook_runs_with_a_typed_model()
    {
        var d = Assert.Single(Validate(_p.Config(("name", Str("a")), ("kind", Str("forbidden")))));
        Assert.Equal(CtyPath.Attribute("kind"), d.Path);
        Assert.Empty(Validate(_p.Config(("name", Str("a")), ("kind", UnknownString))));
    }

    [Fact]
    public void A_write_only_value_is_an_error_when_Terraform_cannot_send_it()
    {
        var config = _p.Config(("name", Str("a")), ("password_wo", Str("pw")));
        var d = Assert.Single(Validate(config, writeOnlyAllowed: false));
        Assert.Equal(CtyPath.Attribute("password_wo"), d.Path);
        Assert.Contains("Terraform 1.11", d.Detail);
        Assert.Empty(Validate(config, writeOnlyAllowed: true));
        Assert.Empty(Validate(_p.Config(("name", Str("a"))), writeOnlyAllowed: false));
    }

    public sealed class Creds
    {
        public TfString Token;
        public TfString TokenWo;
        public TfString Host;
        public TfString Proxy;
        public TfSet<Grant> Grants;
    }

    public sealed class Grant
    {
        public TfBool AllProjects;
        public TfInt64 ProjectId;
    }

    private static SchemaBlock CredsSchema()
    {
        var b = new ResourceSchemaBuilder<Creds>("test_creds");
        b.String("token", m => ref m.Token).Optional().Sensitive();
        b.String("token_wo", m => ref m.TokenWo).Optional().WriteOnly();
        b.String("host", m => ref m.Host).Optional().ConflictsWith("proxy");
        b.String("proxy", m => ref m.Proxy).Optional();
        b.SetBlock("grant", m => ref m.Grants, g =>
        {
            g.Bool("all_projects", x => ref x.AllProjects).Required();
            g.Int64("project_id", x => ref x.ProjectId).Optional();
            g.Validate("project_id is required when all_projects is false, and forbidden when true", (grant, ctx) =>
            {
                if (!grant.AllProjects.IsKnown || grant.ProjectId.IsUnknown) return;
                if (grant.AllProjects.Value && !grant.ProjectId.IsNull)
                    ctx.AddAttributeError("project_id", "Conflicting grant", "project_id cannot be set when all_projects is true.");
                if (!grant.AllProjects.Value && grant.ProjectId.IsNull)
                    ctx.AddAttributeError("project_id", "Missing project", "project_id is required when all_projects is false.");
            });
        });
        b.ExactlyOneOf("token", "token_wo");
        return b.BuildResource().Block;
    }

    private static DiagnosticList ValidateCreds(SchemaBlock block, params (string, CtyValue)[] values)
    {
        var d = new DiagnosticList();
        ConfigValidation.Validate(block, V.Obj(block, values), d);
        return d;
    }

    [Fact]
    public void ExactlyOneOf_reports_none_at_the_object_and_both_at_each_attribute()
    {
        var block = CredsSchema();
        Assert.Empty(ValidateCreds(block, ("token", Str("t"))));
        Assert.Empty(ValidateCreds(block, ("token_wo", Str("t"))));

        var none = Assert.Single(ValidateCreds(block));
        Assert.True(none.Path!.IsRoot);
        Assert.Contains("token, token_wo", none.Detail);

        var both = ValidateCreds(block, ("token", Str("t")), ("token_wo", Str("t")));
        Assert.Equal([CtyPath.Attribute("token"), CtyPath.Attribute("token_wo")], both.Select(d => d.Path));

        Assert.Empty(ValidateCreds(block, ("token", UnknownString)));
    }

    [Fact]
    public void ConflictsWith_points_at_the_attribute_that_declares_it()
    {
        var block = CredsSchema();
        var d = Assert.Single(ValidateCreds(block, ("token", Str("t")), ("host", Str("h")), ("proxy", Str("p"))));
        Assert.Equal(CtyPath.Attribute("host"), d.Path);
        Assert.Contains("proxy", d.Detail);
        Assert.Empty(ValidateCreds(block, ("token", Str("t")), ("host", Str("h"))));
    }

    [Fact]
    public void Typed_element_checks_in_a_set_of_blocks_point_at_the_set()
    {
        var block = CredsSchema();
        var grant = block.FindBlock("grant")!.Block;
        CtyValue Grant(bool all, long? project) => V.Obj(grant, ("all_projects", CtyValue.Bool(all)), ("project_id", CtyValue.NumberOrNull(project)));

        var d = ValidateCreds(block, ("token", Str("t")), ("grant", V.Set(grant, Grant(true, 10), Grant(false, null), Grant(false, 11))));
        Assert.Equal(2, d.Count);
        Assert.All(d, x => Assert.Equal(CtyPath.Attribute("grant"), x.Path));
        Assert.Contains(d, x => x.Summary == "Conflicting grant");
        Assert.Contains(d, x => x.Summary == "Missing project");
    }

    [Fact]
    public void A_fractional_number_for_a_whole_number_field_is_an_error_naming_it()
    {
        var block = CredsSchema();
        var grant = block.FindBlock("grant")!.Block;
        var bad = V.Obj(grant, ("all_projects", CtyValue.False), ("project_id", CtyValue.Number(CtyNumber.Parse("1.5"))));
        var d = Assert.Single(ValidateCreds(block, ("token", Str("t")), ("grant", V.Set(grant, bad))));
        Assert.Equal(CtyPath.Attribute("grant"), d.Path);
        Assert.Contains("1.5", d.Detail);
    }

    [Fact]
    public void Schema_mistakes_are_caught_when_the_schema_is_built()
    {
        var writeOnlyComputed = new ResourceSchemaBuilder<Creds>("test_bad");
        writeOnlyComputed.String("token", m => ref m.Token).Optional().Computed().WriteOnly();
        Assert.Contains("write-only", Assert.Throws<SchemaDefinitionException>(writeOnlyComputed.BuildResource).Message);

        var noFlags = new ResourceSchemaBuilder<Creds>("test_bad");
        noFlags.String("token", m => ref m.Token);
        Assert.Contains("\"token\"", Assert.Throws<SchemaDefinitionException>(noFlags.BuildResource).Message);

        var badName = new ResourceSchemaBuilder<Creds>("test_bad");
        Assert.Throws<SchemaDefinitionException>(() => badName.String("Token", m => ref m.Token));

        var requiredDefault = new ResourceSchemaBuilder<Creds>("test_bad");
        requiredDefault.String("token", m => ref m.Token).Required().Default("x");
        Assert.Throws<SchemaDefinitionException>(requiredDefault.BuildResource);
    }
}
