using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Tests.Fixtures;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Framework.Values;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Tests;

/// <summary>Inside a set of blocks the diagnostic path stops at the set; the message must still name the attribute.</summary>
public class SetElementValidationTests
{
    public sealed class Token
    {
        public TfSet<Grant> Grants;
    }

    public sealed class Grant
    {
        public TfString PermissionSet;
        public TfSet<TfString> Categories;
    }

    private static SchemaBlock Schema()
    {
        var b = new ResourceSchemaBuilder<Token>("test_token");
        b.SetBlock("grant", m => ref m.Grants, g =>
        {
            g.String("permission_set", x => ref x.PermissionSet).Required().OneOf("member", "developer");
            g.Set("categories", x => ref x.Categories).Optional().Each(new OneOfValidator("all", "development"));
        });
        return b.BuildResource().Block;
    }

    private static DiagnosticList Validate(string permissionSet, params string[] categories)
    {
        var block = Schema();
        var grant = block.FindBlock("grant")!.Block;
        var element = V.Obj(grant, ("permission_set", CtyValue.String(permissionSet)),
            ("categories", CtyValue.Set(CtyType.String, categories.Select(CtyValue.String))));
        var d = new DiagnosticList();
        ConfigValidation.Validate(block, V.Obj(block, ("grant", V.Set(grant, element))), d);
        return d;
    }

    [Fact]
    public void A_value_check_in_the_only_block_of_a_set_points_at_its_attribute_without_an_index()
    {
        // Terraform descends into a block type written once, so grant.permission_set is the line to fix.
        var d = Assert.Single(Validate("superuser", "all"));
        Assert.Equal(CtyPath.Attribute("grant").Attr("permission_set"), d.Path);
        Assert.StartsWith("permission_set must be one of", d.Detail);
        Assert.Contains("\"superuser\"", d.Detail);
    }

    [Fact]
    public void An_element_check_of_a_set_attribute_in_a_set_element_names_the_attribute()
    {
        var d = Assert.Single(Validate("member", "development", "prod"));
        Assert.Equal(CtyPath.Attribute("grant").Attr("categories"), d.Path);
        Assert.StartsWith("categories must be one of", d.Detail);
        Assert.Contains("\"prod\"", d.Detail);
    }

    [Fact]
    public void A_value_check_in_one_of_several_blocks_of_a_set_stays_at_the_set()
    {
        // A set element has no address, and with two blocks Terraform could not tell which one a path meant.
        var block = Schema();
        var grant = block.FindBlock("grant")!.Block;
        CtyValue Element(string set) => V.Obj(grant, ("permission_set", CtyValue.String(set)),
            ("categories", CtyValue.Set(CtyType.String, [CtyValue.String("all")])));
        var d = new DiagnosticList();
        ConfigValidation.Validate(block, V.Obj(block, ("grant", V.Set(grant, Element("memeber"), Element("member")))), d);
        Assert.Equal(CtyPath.Attribute("grant"), Assert.Single(d).Path);
    }

    [Theory]
    [InlineData("memeber", "member")]
    [InlineData("Member", "member")]
    [InlineData("MEMBER", "member")]
    [InlineData("membr", "member")]
    [InlineData("develoepr", "developer")]
    public void A_typo_of_an_allowed_value_gets_a_suggestion(string typed, string meant)
    {
        var d = Assert.Single(Validate(typed));
        Assert.Contains($"got \"{typed}\". Did you mean \"{meant}\"?", d.Detail);
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData("admin")]
    public void A_value_near_no_allowed_one_gets_no_suggestion(string typed)
    {
        Assert.DoesNotContain("Did you mean", Assert.Single(Validate(typed)).Detail);
    }
}
