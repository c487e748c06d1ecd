namespace DbtTfProvider.DocsGenerator;

/// <summary>Something the docs cannot be generated without (a missing example, an undescribed attribute).</summary>
public sealed class DocsException(string message) : Exception(message);
