namespace DbtTfProvider.Framework.Diagnostics;

/// <summary>
/// One field the service rejected: <paramref name="ApiField"/> is its dotted path in the request body
/// (<c>dbt_cloud.api_key</c>; empty for a reason about the request as a whole), <paramref name="Detail"/> the text of its
/// diagnostic (the service's reason, in the provider part's words).
/// </summary>
public sealed record ApiFieldProblem(string ApiField, string Detail);
