using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.TestProvider.Items;

namespace DbtTfProvider.TestProvider;

/// <summary>
/// The test-only provider <c>testfs</c>: one resource, <c>testfs_item</c>, stored as JSON files in the folder
/// <c>root</c>, so tests can change or delete objects behind Terraform's back.
/// </summary>
public static class TestfsProvider
{
    public static readonly ProviderDefinition Definition = new(new ProviderPart<TestfsConfig, ItemStore>
    {
        Name = "testfs",
        ConfigSchema = s => s.String("root", c => ref c.Root).Optional()
            .EnvironmentVariables("TESTFS_ROOT")
            .Description("Folder holding one JSON file per item."),
        Configure = (config, _) => config.Root.IsKnown
            ? Task.FromResult(new ItemStore(config.Root.Value))
            : throw new ResourceException("Missing root folder", "Set root in the provider block, or the TESTFS_ROOT environment variable.", CtyPath.Attribute("root")),
        Resources = [new ItemResource()],
        DescribeError = e => e switch
        {
            ItemNotFoundException nf => new ApiErrorDescription("Item not found", nf.Message, IsConfirmedGone: true),
            ItemRejectedException r => new ApiErrorDescription("Item rejected by the store", r.Message, r.Field, r.Message),
            _ => null,
        },
    });
}
