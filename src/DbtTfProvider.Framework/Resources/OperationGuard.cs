using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// Runs a resource's or a data source's code and turns what it throws into diagnostics, the same way for both kinds:
/// the author's <see cref="ResourceException"/>, a value the model cannot hold, a provider not configured, a cancellation
/// by Terraform, an API error the provider part describes (its field mapped to the attribute of <paramref name="block"/>),
/// and anything else as unexpected. "Confirmed gone" is not decided here: only managed resources act on it
/// (<see cref="ResourceRuntime{TModel, TClient}"/>); for a data source it is an error like any other.
/// </summary>
internal sealed class OperationGuard(string typeName, SchemaBlock block, Func<Exception, ApiErrorDescription?> describeError, ILogger logger)
{
    public ApiErrorDescription? Describe(Exception e) => describeError(e);

    /// <summary>Runs <paramref name="action"/>; false when it threw (and the error is in <paramref name="diagnostics"/>).</summary>
    public bool Run(DiagnosticList diagnostics, string operation, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e)
        {
            Report(e, diagnostics, operation, CancellationToken.None);
            return false;
        }
    }

    /// <inheritdoc cref="Run"/>
    public async Task<bool> RunAsync(DiagnosticList diagnostics, string operation, CancellationToken cancellationToken, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception e)
        {
            Report(e, diagnostics, operation, cancellationToken);
            return false;
        }
    }

    public void Report(Exception e, DiagnosticList diagnostics, string operation, CancellationToken cancellationToken)
    {
        switch (e)
        {
            case ResourceException r:
                diagnostics.Add(r.ToDiagnostic());
                return;
            case ModelConversionException m:
                diagnostics.AddAttributeError(m.Path, "Invalid value", $"{m.Path}: {m.Message}");
                return;
            case ProviderNotConfiguredException p:
                diagnostics.AddError("Provider not configured", p.Message);
                return;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                diagnostics.AddError("Operation cancelled", operation == "read data source"
                    ? $"{typeName}: the read was cancelled because Terraform stopped the provider."
                    : $"{typeName}: the {operation} was cancelled because Terraform stopped the provider. The remote object may be partly changed; run terraform plan to see its state.");
                return;
        }

        if (describeError(e) is { } api)
        {
            var path = api.ApiField is { } field ? block.PathForApiField(field) : null;
            diagnostics.Add(Diagnostic.Error(api.Summary, api.Detail, path));
            return;
        }

        logger.LogError("{Type}: unexpected {Exception} during {Operation}", typeName, e.GetType().Name, operation);
        diagnostics.AddError($"Unexpected error during {operation}", $"{typeName}: {e.GetType().Name}: {e.Message}");
    }
}
