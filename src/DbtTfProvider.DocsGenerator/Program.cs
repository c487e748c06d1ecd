using DbtTfProvider.DocsGenerator;

// Usage: DbtTfProvider.DocsGenerator [REPOSITORY_ROOT [OUTPUT_DIRECTORY]]
// The root defaults to the first folder above the current one that holds DbtTfProvider.sln; the output to ROOT/docs.
try
{
    var root = args.Length > 0 ? Path.GetFullPath(args[0]) : RegistryDocs.FindRepositoryRoot(Directory.GetCurrentDirectory());
    var output = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(root, "docs");
    var written = RegistryDocs.Write(root, output);
    foreach (var page in written) Console.WriteLine($"wrote {Path.Combine(output, page.RelativePath)}");
    return 0;
}
catch (DocsException e)
{
    Console.Error.WriteLine($"docs: {e.Message}");
    return 1;
}
