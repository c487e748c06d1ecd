namespace DbtTfProvider.EndToEnd.Tests;

/// <summary>Where the repository is, found from the test's build output (the folder holding DbtTfProvider.sln).</summary>
public static class RepositoryPaths
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DbtTfProvider.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (DbtTfProvider.sln) above " + AppContext.BaseDirectory);
    }
}
