using System.Text.RegularExpressions;
using DbtTfProvider.DocsGenerator;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Docs.Tests;

/// <summary>
/// The generated docs as a reader of the registry pages sees them: in step with the provider's schema and the
/// examples, committed as generated, and complete for every attribute.
/// </summary>
public sealed class RegistryDocsTests : IDisposable
{
    private static readonly string Root = RegistryDocs.FindRepositoryRoot(AppContext.BaseDirectory);
    private static readonly IReadOnlyList<ProviderPartSchema> Parts = ProviderSchemas.Describe(DbtTfProviderDefinition.Create());
    private readonly string _temp = Directory.CreateTempSubdirectory("dbttf-docs-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Committed_docs_are_what_make_docs_writes()
    {
        RegistryDocs.Write(Root, _temp);

        var committedDir = Path.Combine(Root, "docs");
        var generated = MarkdownFiles(_temp);
        var committed = MarkdownFiles(committedDir);
        Assert.True(generated.SequenceEqual(committed),
            $"docs/ holds [{string.Join(", ", committed)}] but the generator writes [{string.Join(", ", generated)}]: run `make docs` and commit docs/.");
        foreach (var file in generated)
        {
            var expected = File.ReadAllText(Path.Combine(_temp, file));
            var actual = File.ReadAllText(Path.Combine(committedDir, file));
            Assert.True(expected == actual, $"docs/{file} differs from what the generator writes: run `make docs` and commit docs/.\n{FirstDifference(expected, actual)}");
        }
    }

    [Fact]
    public void A_second_run_writes_the_same_bytes_and_removes_pages_of_resources_that_are_gone()
    {
        RegistryDocs.Write(Root, _temp);
        var first = MarkdownFiles(_temp).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(_temp, f)));
        File.WriteAllText(Path.Combine(_temp, "resources", "removed_resource.md"), "stale");
        File.WriteAllText(Path.Combine(_temp, "data-sources", "removed_data_source.md"), "stale");

        RegistryDocs.Write(Root, _temp);

        var second = MarkdownFiles(_temp);
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second);
        foreach (var file in second) Assert.Equal(first[file], File.ReadAllBytes(Path.Combine(_temp, file)));
    }

    [Fact]
    public void Each_resource_page_follows_the_registry_layout_and_lists_every_attribute_with_its_flags()
    {
        var pages = RegistryDocs.Render(Root).ToDictionary(p => p.RelativePath, p => p.Content);
        Assert.Equal(["data-sources/data_source.md", "data-sources/environment.md", "data-sources/project.md",
                "index.md", "resources/artifacts_job.md", "resources/ci_job.md", "resources/dbt_integration.md", "resources/service_token.md"],
            pages.Keys.Order(StringComparer.Ordinal));

        foreach (var part in Parts)
        {
            foreach (var resource in part.Resources)
            {
                var page = pages[$"resources/{RegistryDocs.PageName(part, resource)}.md"];
                Assert.StartsWith($"---\npage_title: \"{resource.TypeName} Resource - dbt-tf\"\n", page);
                Assert.Contains($"# {resource.TypeName} (Resource)\n", page);
                Assert.Contains("## Example Usage\n\n```terraform\n" + ReadExample(resource.TypeName, "resource.tf"), page);
                foreach (var (path, attribute) in Attributes(resource.Block, ""))
                {
                    var line = Assert.Single(page.Split('\n'), l => l.StartsWith($"- `{attribute.Name}` (", StringComparison.Ordinal)
                                                                   && SectionOf(page, l) == path);
                    Assert.Contains(attribute.Description!.Split("\n\n")[0], line);
                    Assert.Equal(attribute.Sensitive, line.Contains(", Sensitive"));
                    Assert.Equal(attribute.WriteOnly, line.Contains("[Write-only]("));
                    Assert.Equal(attribute.Default is not null, line.Contains(", Default: `"));
                }
            }
        }
        var integration = pages["resources/dbt_integration.md"];
        Assert.Contains("- `dbt_cloud_api_token_wo` (String, Sensitive, [Write-only](", integration);
        // base_commit_strategy lost its default (issue 20: sent only when set); a string default is shown on primary_key_tag.
        Assert.Contains("- `primary_key_tag` (String, Default: `\"primary-key\"`)", integration);
        Assert.Contains("- `base_commit_strategy` (String) ", integration);
        Assert.Contains("- `sampling` (Block, Optional)", integration);
        Assert.Contains("<a id=\"nestedblock--sampling\"></a>\n### Nested Schema for `sampling`", integration);
        var token = pages["resources/service_token.md"];
        Assert.Contains("### Required\n\n- `name` (String)", token);
        Assert.Contains("- `service_token_permissions` (Block Set, Min: 1)", token);
        Assert.Contains("### Read-Only\n\n- `account_id` (Number)", token);
        Assert.Contains("\n- `id` (String)", token);
        Assert.Contains("- `execute_steps` (List of String, Default: `[\"dbt compile\"]`)", pages["resources/artifacts_job.md"]);
    }

    [Fact]
    public void Each_data_source_page_has_its_example_and_lists_its_arguments_and_results()
    {
        var pages = RegistryDocs.Render(Root).ToDictionary(p => p.RelativePath, p => p.Content);
        Assert.Equal(["datafold_data_source", "dbtcloud_environment", "dbtcloud_project"],
            Parts.SelectMany(p => p.DataSources).Select(d => d.TypeName).Order(StringComparer.Ordinal));
        foreach (var part in Parts)
        {
            foreach (var dataSource in part.DataSources)
            {
                var page = pages[$"data-sources/{RegistryDocs.PageName(part, dataSource.TypeName)}.md"];
                Assert.StartsWith($"---\npage_title: \"{dataSource.TypeName} Data Source - dbt-tf\"\n", page);
                Assert.Contains($"# {dataSource.TypeName} (Data Source)\n", page);
                var example = File.ReadAllText(Path.Combine(Root, "examples", "data-sources", dataSource.TypeName, "data-source.tf")).TrimEnd();
                Assert.Contains($"data \"{dataSource.TypeName}\"", example);
                Assert.Contains("## Example Usage\n\n```terraform\n" + example, page);
                Assert.DoesNotContain("## Import", page);
                foreach (var attribute in dataSource.Block.Attributes)
                {
                    var line = Assert.Single(page.Split('\n'), l => l.StartsWith($"- `{attribute.Name}` (", StringComparison.Ordinal));
                    Assert.Contains(attribute.Description!.Split("\n\n")[0], line);
                }
            }
        }
        var environment = pages["data-sources/environment.md"];
        Assert.Contains("### Required\n\n- `name` (String)", environment);
        Assert.Contains("\n- `project_id` (Number)", environment);
        Assert.Contains("### Read-Only\n\n- `dbt_version` (String)", environment);
    }

    [Fact]
    public void Each_resource_page_shows_import_by_block_and_by_command_from_its_import_script()
    {
        var pages = RegistryDocs.Render(Root).ToDictionary(p => p.RelativePath, p => p.Content);
        foreach (var part in Parts)
        {
            foreach (var resource in part.Resources)
            {
                Assert.True(resource.SupportsImport, $"{resource.TypeName} does not support import");
                var script = ReadExample(resource.TypeName, "import.sh");
                var command = Regex.Match(script, $@"^terraform import ({resource.TypeName}\.\w+) (\d+)$", RegexOptions.Multiline);
                Assert.True(command.Success, $"examples/resources/{resource.TypeName}/import.sh has no `terraform import` line");
                var page = pages[$"resources/{RegistryDocs.PageName(part, resource)}.md"];
                Assert.Contains($"## Import\n", page);
                Assert.Contains($"```terraform\nimport {{\n  to = {command.Groups[1].Value}\n  id = \"{command.Groups[2].Value}\"\n}}\n```", page);
                Assert.Contains("```shell\n" + script + "\n```", page);
            }
        }
    }

    [Fact]
    public void The_index_names_both_provider_addresses_and_every_setting_with_whether_it_is_required_its_environment_variable_and_default()
    {
        var index = RegistryDocs.Render(Root).Single(p => p.RelativePath == "index.md").Content;
        Assert.StartsWith("---\npage_title: \"dbt-tf Provider\"\n", index);
        Assert.Contains("## Example Usage\n\n```terraform\n" + File.ReadAllText(Path.Combine(Root, "examples/provider/provider.tf")).TrimEnd() + "\n```", index);
        Assert.Contains("| `dbt-tf/dbtcloud` | [`dbtcloud_artifacts_job`](resources/artifacts_job.md), [`dbtcloud_ci_job`](resources/ci_job.md), " +
                        "[`dbtcloud_service_token`](resources/service_token.md) | " +
                        "[`dbtcloud_environment`](data-sources/environment.md), [`dbtcloud_project`](data-sources/project.md) |", index);
        Assert.Contains("| `dbt-tf/datafold` | [`datafold_dbt_integration`](resources/dbt_integration.md) | [`datafold_data_source`](data-sources/data_source.md) |", index);
        Assert.Contains("| `host_url` | no | String | `DBT_CLOUD_HOST_URL` | `\"https://cloud.getdbt.com/api\"` |", index);
        Assert.Contains("| `account_id` | yes (here or in the environment) | Number | `DBT_CLOUD_ACCOUNT_ID` |  |", index);
        Assert.Contains("| `token` | yes (here or in the environment) | String, sensitive | `DBT_CLOUD_TOKEN` |  |", index);
        Assert.Contains("| `api_key` | yes (here or in the environment) | String, sensitive | `DATAFOLD_API_KEY`, then `DATAFOLD_APIKEY` |  |", index);
        Assert.Contains("| `host` | no | String | `DATAFOLD_HOST` | `\"https://app.datafold.com\"` |", index);
        // The defaults the clients use, in the table rather than only in prose.
        Assert.Contains("| `max_retries` | no | Number |  | `4` |", index);
        Assert.Contains("| `timeout_seconds` | no | Number |  | `30` |", index);
        Assert.Contains("| `skip_credentials_validation` | no | Boolean |  | `false` |", index);
        // Settings the provider cannot work without are listed as required, though Terraform sees them as optional.
        var dbtCloud = index[index.IndexOf("### `dbtcloud`", StringComparison.Ordinal)..index.IndexOf("### `datafold`", StringComparison.Ordinal)];
        Assert.True(dbtCloud.IndexOf("- `account_id` (", StringComparison.Ordinal) < dbtCloud.IndexOf("#### Optional", StringComparison.Ordinal));
        Assert.True(dbtCloud.IndexOf("- `token` (", StringComparison.Ordinal) < dbtCloud.IndexOf("#### Optional", StringComparison.Ordinal));
        foreach (var part in Parts)
        {
            var section = index[index.IndexOf($"### `{part.Name}` (`dbt-tf/{part.Name}`)", StringComparison.Ordinal)..];
            foreach (var a in part.Config.Attributes) Assert.Contains($"- `{a.Name}` (", section);
        }
    }

    [Fact]
    public void A_missing_example_stops_the_generator_with_the_file_to_write()
    {
        // A repository root with the provider example but no resource examples.
        Directory.CreateDirectory(Path.Combine(_temp, "examples", "provider"));
        File.Copy(Path.Combine(Root, "examples/provider/provider.tf"), Path.Combine(_temp, "examples/provider/provider.tf"));

        var error = Assert.Throws<DocsException>(() => RegistryDocs.Render(_temp));
        Assert.Matches(@"^examples/resources/\w+/resource\.tf is missing", error.Message);
    }

    [Fact]
    public void Import_support_is_read_from_the_resource_itself()
    {
        Assert.All(Parts.SelectMany(p => p.Resources), r => Assert.True(r.SupportsImport, r.TypeName));
        Assert.False(new NotImportable().SupportsImport);
    }

    private sealed class NoteModel
    {
        public TfString Id;
    }

    private sealed class NotImportable : Resource<NoteModel, object>
    {
        public override string TypeName => "test_note";
        protected override void DefineSchema(ResourceSchemaBuilder<NoteModel> schema) => schema.String("id", m => ref m.Id).Computed();
        public override Task CreateAsync(CreateContext<NoteModel, object> context) => Task.CompletedTask;
        public override Task ReadAsync(ReadContext<NoteModel, object> context) => Task.CompletedTask;
        public override Task UpdateAsync(UpdateContext<NoteModel, object> context) => Task.CompletedTask;
        public override Task DeleteAsync(DeleteContext<NoteModel, object> context) => Task.CompletedTask;
    }

    private static IEnumerable<(string Path, SchemaAttribute Attribute)> Attributes(SchemaBlock block, string path) =>
        block.Attributes.Select(a => (path, a))
            .Concat(block.NestedBlocks.SelectMany(b => Attributes(b.Block, path.Length == 0 ? b.Name : $"{path}.{b.Name}")));

    /// <summary>"" for top-level attributes, else the nested block path whose section the line is in.</summary>
    private static string SectionOf(string page, string line)
    {
        var before = page[..page.IndexOf(line + "\n", StringComparison.Ordinal)];
        var nested = Regex.Matches(before, @"^#+ Nested Schema for `([^`]+)`$", RegexOptions.Multiline);
        return nested.Count == 0 ? "" : nested[^1].Groups[1].Value;
    }

    private static string ReadExample(string type, string file) =>
        File.ReadAllText(Path.Combine(Root, "examples", "resources", type, file)).TrimEnd();

    private static List<string> MarkdownFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "(end of file)";
            var al = i < a.Length ? a[i] : "(end of file)";
            if (el != al) return $"line {i + 1}:\n  generated: {el}\n  committed: {al}";
        }
        return "";
    }
}
