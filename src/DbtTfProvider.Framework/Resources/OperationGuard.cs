using DbtTfProvider.Plugin.Cty;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// Runs a resource's or a data source's code and turns what it throws into diagnostics, the same way for both kinds:
/// the author's <see cref="ResourceException"/>, a value the model cannot hold, a provider not configured, a cancellation
/// by Terraform, an API error the provider part describes (its field mapped to the attribute of <paramref name="block"/>),
/// and anything else as unexpected. The one place where "not found" is decided: an error the part describes as
/// confirmed gone (the client's verdict, never a bare 404) is <see cref="GuardOutcome.ConfirmedGone"/> for an operation
/// that takes it as its answer (<see cref="ResourceOperation.GoneAnswersIt"/>: read, delete) and an error like any other
/// for the rest.
/// </summary>
internal sealed class OperationGuard(string typeName, SchemaBlock block, Func<Exception, ApiErrorDescription?> describeError, ILogger logger)
{
    public ApiErrorDescription? Describe(Exception e) => describeError(e);

    /// <inheritdoc cref="RunAsync"/>
    public GuardOutcome Run(ResourceOperation operation, DiagnosticList diagnostics, Action action)
    {
        try
        {
            action();
            return GuardOutcome.Completed;
        }
        catch (Exception e)
        {
            return Classify(e, diagnostics, operation, null, CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/>. <paramref name="config"/> is the configuration sent, when there is one: where two
    /// attributes feed one API field, the configured one gets the error (<see cref="ApiErrorDiagnostics"/>).
    /// </summary>
    public async Task<GuardOutcome> RunAsync(ResourceOperation operation, DiagnosticList diagnostics, Func<Task> action, CtyValue? config,
        CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return GuardOutcome.Completed;
        }
        catch (Exception e)
        {
            return Classify(e, diagnostics, operation, config, cancellationToken);
        }
    }

    private GuardOutcome Classify(Exception e, DiagnosticList diagnostics, ResourceOperation operation, CtyValue? config, CancellationToken cancellationToken)
    {
        if (operation.GoneAnswersIt && describeError(e) is { IsConfirmedGone: true })
        {
            logger.LogDebug("{Type}: {Operation} found the remote object gone", typeName, operation.Name);
            return GuardOutcome.ConfirmedGone;
        }
        Report(e, diagnostics, operation, config, cancellationToken);
        return GuardOutcome.Failed;
    }

    private void Report(Exception e, DiagnosticList diagnostics, ResourceOperation operation, CtyValue? config, CancellationToken cancellationToken)
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
                diagnostics.AddError("Operation cancelled", $"{typeName}: {operation.WhenCancelled}");
                return;
        }

        if (describeError(e) is { } api)
        {
            ApiErrorDiagnostics.Add(api, block, config, diagnostics);
            return;
        }

        logger.LogError("{Type}: unexpected {Exception} during {Operation}", typeName, e.GetType().Name, operation.Name);
        diagnostics.AddError($"Unexpected error during {operation.Name}", $"{typeName}: {e.GetType().Name}: {e.Message}");
    }
}
