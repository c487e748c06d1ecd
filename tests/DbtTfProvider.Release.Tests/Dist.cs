using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace DbtTfProvider.Release.Tests;

/// <summary>What `make release` wrote: the folder named by DBTTF_DIST_DIR (the Makefile sets it), the version from
/// Directory.Build.props, and the ten archives every release has.</summary>
public static class Dist
{
    public static readonly string[] Types = ["dbtcloud", "datafold"];

    public static readonly string[] Platforms = ["linux_amd64", "linux_arm64", "darwin_arm64", "darwin_amd64", "windows_amd64"];

    public static string Directory { get; } = FindDirectory();

    public static string Root { get; } = FindRoot();

    public static string Version { get; } =
        Regex.Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

    public static string Mirror => Path.Combine(Directory, "mirror");

    public static string ZipName(string type, string platform) => $"terraform-provider-{type}_{Version}_{platform}.zip";

    public static string ZipPath(string type, string platform) => Path.Combine(Directory, ZipName(type, platform));

    public static string ExecutableName(string type, string platform) =>
        $"terraform-provider-{type}_v{Version}" + (platform.StartsWith("windows_", StringComparison.Ordinal) ? ".exe" : "");

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The executable inside an archive, extracted into <paramref name="directory"/> with its mode.</summary>
    public static string Extract(string type, string platform, string directory)
    {
        ZipFile.ExtractToDirectory(ZipPath(type, platform), directory, overwriteFiles: true);
        return Path.Combine(directory, ExecutableName(type, platform));
    }

    public static IEnumerable<object[]> TypesAndPlatforms() =>
        from t in Types from p in Platforms select new object[] { t, p };

    private static string FindDirectory()
    {
        var dir = Environment.GetEnvironmentVariable("DBTTF_DIST_DIR");
        if (string.IsNullOrEmpty(dir)) dir = Path.Combine(FindRoot(), "dist");
        if (!File.Exists(Path.Combine(dir, "terraform-registry-manifest.json")))
            throw new InvalidOperationException($"{dir} holds no release: run `make release` first (these tests run from `make release-test`).");
        return dir;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DbtTfProvider.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (DbtTfProvider.sln) above " + AppContext.BaseDirectory);
    }
}
