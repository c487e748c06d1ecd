namespace DbtTfProvider.Framework.Diagnostics;

/// <summary>
/// An API error as the resource layer describes it to the framework: the API client knows nothing of Terraform, so
/// a provider part adapts its client's exceptions to this shape (see <c>ProviderPart.DescribeError</c>), listing every
/// API field the service rejected (<paramref name="FieldErrors"/>). The framework maps each to the attribute path of the
/// resource at hand and reports one diagnostic per field; with no field errors it reports one diagnostic for the resource.
/// <paramref name="FieldSummary"/> gives the summary of a field's diagnostic from what it points at (the attribute, or
/// "the field x.y" when no attribute claims it); without it the field's diagnostic has <paramref name="Summary"/>.
/// <paramref name="IsConfirmedGone"/> is the one "not found" the framework acts on: the client has confirmed the remote
/// object no longer exists, so a read drops it from state and a delete succeeds. Any other error, a plain 404 included,
/// fails the operation and keeps the state.
/// </summary>
public sealed record ApiErrorDescription(string Summary, string Detail, IReadOnlyList<ApiFieldProblem>? FieldErrors = null,
    bool IsConfirmedGone = false, Func<string, string>? FieldSummary = null)
{
    /// <summary>One rejected field: its diagnostic at that field's attribute.</summary>
    public ApiErrorDescription(string summary, string detail, string apiField, string fieldDetail)
        : this(summary, detail, [new ApiFieldProblem(apiField, fieldDetail)]) { }
}
