using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// The one path from a described API error to diagnostics: one per field the service rejected, at the attribute that
/// sets that field (of two attributes sent as one field, the one set in the configuration), or at the resource naming
/// the field when no attribute claims it; without fields, one diagnostic at the resource.
/// </summary>
internal static class ApiErrorDiagnostics
{
    /// <param name="config">The configuration the request was built from, when there is one (plan, apply): it decides between twins.</param>
    public static void Add(ApiErrorDescription api, SchemaBlock block, CtyValue? config, DiagnosticList diagnostics)
    {
        if (api.FieldErrors is not { Count: > 0 } fields)
        {
            diagnostics.Add(Diagnostic.Error(api.Summary, api.Detail));
            return;
        }
        foreach (var field in fields)
        {
            var path = field.ApiField.Length == 0 ? null : block.PathForApiField(field.ApiField, config);
            if (path is null && field.ApiField.Length > 0)
                diagnostics.AddError(api.FieldSummary?.Invoke($"the field {field.ApiField}") ?? api.Summary,
                    field.Detail.Contains(field.ApiField, StringComparison.Ordinal) ? field.Detail : $"{field.ApiField}: {field.Detail}");
            else
                diagnostics.Add(Diagnostic.Error(path is null ? api.Summary : api.FieldSummary?.Invoke(path.ToString()) ?? api.Summary, field.Detail, path));
        }
    }
}
