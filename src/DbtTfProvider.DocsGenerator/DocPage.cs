namespace DbtTfProvider.DocsGenerator;

/// <summary>One generated file: its path under the docs folder (forward slashes) and its content.</summary>
public sealed record DocPage(string RelativePath, string Content);
