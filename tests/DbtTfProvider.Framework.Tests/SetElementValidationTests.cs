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
    public void A_value_check_in_a_set_element_names_the_attribute_not_the_set()
    {
        var d = Assert.Single(Validate("superuser", "all"));
        Assert.Equal(CtyPath.Attribute("grant"), d.Path);
        Assert.StartsWith("permission_set must be one of", d.Detail);
        Assert.Contains("\"superuser\"", d.Detail);
    }

    [Fact]
    public void An_element_check_of_a_set_attribute_in_a_set_element_names_the_attribute()
    {
        var d = Assert.Single(Validate("member", "development", "prod"));
        Assert.Equal(CtyPath.Attribute("grant"), d.Path);
        Assert.StartsWith("categories must be one of", d.Detail);
        Assert.Contains("\"prod\"", d.Detail);
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
