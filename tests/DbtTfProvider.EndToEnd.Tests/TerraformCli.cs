namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>
/// The real terraform in one working directory of a <see cref="ProviderFixture"/> (a <see cref="TerraformRunner"/>
/// with the fixture's environment: dev_overrides for the built providers, provider settings pointing at the
/// emulator). No init is needed.
/// </summary>
public sealed class TerraformCli(ProviderFixture fixture, string workingDirectory)
{
    public TerraformRunner Runner { get; } = new(workingDirectory, fixture.Environment);

    public string WorkingDirectory => Runner.WorkingDirectory;

    public static TerraformCli InNewDirectory(ProviderFixture fixture, string name) => new(fixture, fixture.NewWorkingDirectory(name));

    /// <summary>Writes main.tf: the fixture's provider blocks followed by <paramref name="hcl"/>.</summary>
    public TerraformCli WriteConfig(string hcl)
    {
        Runner.WriteConfig(ProviderFixture.ProvidersHcl + hcl);
        return this;
    }

    public Task<TerraformResult> ApplyAsync() => RunAsync("apply", "-auto-approve");

    public Task<TerraformResult> DestroyAsync() => RunAsync("destroy", "-auto-approve");

    /// <summary><c>plan -detailed-exitcode</c>: 0 no changes, 1 error, 2 changes.</summary>
    public Task<TerraformResult> PlanAsync(params string[] extra) => RunAsync(["plan", "-detailed-exitcode", .. extra]);

    public Task<TerraformResult> ValidateAsync() => RunAsync("validate");

    /// <summary>Runs terraform with these arguments (the runner adds -no-color).</summary>
    public Task<TerraformResult> RunAsync(params string[] args) => Runner.RunAsync(args.Where(a => a != "-no-color").ToArray());
}
