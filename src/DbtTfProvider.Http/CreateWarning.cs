namespace DbtTfProvider.Http;

/// <summary>A warning that a create has for the user: a title and a sentence that names the object.</summary>
public sealed record CreateWarning(string Summary, string Detail);
