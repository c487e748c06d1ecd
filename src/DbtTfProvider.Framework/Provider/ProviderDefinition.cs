using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.Framework.Provider;

/// <summary>
/// The whole provider: its parts. Which parts one process serves (its persona) follows from the executable's
/// file name: <c>terraform-provider-{part}</c>, optionally followed by <c>_v1.2.3</c>, <c>.exe</c> or similar,
/// serves that part; any other name serves every part.
/// </summary>
public sealed class ProviderDefinition
{
    private const string Prefix = "terraform-provider-";

    public ProviderDefinition(params IProviderPart[] parts)
    {
        if (parts.Length == 0) throw new ArgumentException("A provider needs at least one part.", nameof(parts));
        var duplicate = parts.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SchemaDefinitionException($"Two provider parts are named \"{duplicate.Key}\".");
        Parts = parts;
    }

    public IReadOnlyList<IProviderPart> Parts { get; }

    /// <summary>The parts served under <paramref name="executablePath"/> (a path or a bare file name).</summary>
    public IReadOnlyList<IProviderPart> PartsFor(string executablePath)
    {
        var fileName = Path.GetFileName(executablePath);
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal)) return Parts;
        var rest = fileName[Prefix.Length..];
        // The longest matching name wins, so a part "dbt" would not capture "dbtcloud".
        var match = Parts
            .Where(p => rest.StartsWith(p.Name, StringComparison.Ordinal) && (rest.Length == p.Name.Length || rest[p.Name.Length] is '_' or '.' or '-'))
            .MaxBy(p => p.Name.Length);
        return match is null ? Parts : [match];
    }

    /// <summary>
    /// The name this process was started under. argv[0] keeps the name Terraform used even when the file is a
    /// symlink to another persona's executable; the resolved process path is the fallback.
    /// </summary>
    public static string CurrentExecutableName()
    {
        var args = Environment.GetCommandLineArgs();
        var argv0 = args.Length > 0 ? args[0] : null;
        // Framework-dependent apphosts report the .dll as argv[0]; NativeAOT reports the real argv[0].
        if (!string.IsNullOrEmpty(argv0) && !argv0.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) return Path.GetFileName(argv0);
        return Path.GetFileName(Environment.ProcessPath ?? argv0 ?? "");
    }
}
