using Grpc.Core;
using Microsoft.Extensions.Logging;
using Tfplugin6;

namespace DbtTfProvider.HostTestServer;

/// <summary>
/// Just enough provider to exercise the host: an empty schema, and an apply that runs until StopProvider (or the
/// caller) cancels it, the way a real provider's HTTP calls must.
/// </summary>
internal sealed class SlowApplyProvider(ILoggerFactory loggers) : Provider.ProviderBase
{
    public const string ApplyStartedMessage = "apply started";

    private readonly ILogger _logger = loggers.CreateLogger("hosttest");
    // Like the Go SDKs' stop context: once Terraform asks the provider to stop, in-flight and later work is cancelled.
    private readonly CancellationTokenSource _stop = new();

    public override Task<GetProviderSchema.Types.Response> GetProviderSchema(GetProviderSchema.Types.Request request, ServerCallContext context)
    {
        _logger.LogDebug("serving the provider schema");
        return Task.FromResult(new GetProviderSchema.Types.Response
        {
            Provider = new Schema { Block = new Schema.Types.Block() },
            ServerCapabilities = new ServerCapabilities { GetProviderSchemaOptional = true },
        });
    }

    public override Task<ValidateProviderConfig.Types.Response> ValidateProviderConfig(ValidateProviderConfig.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ValidateProviderConfig.Types.Response());

    public override Task<ConfigureProvider.Types.Response> ConfigureProvider(ConfigureProvider.Types.Request request, ServerCallContext context)
    {
        _logger.LogInformation("configured by Terraform {terraform_version}", request.TerraformVersion);
        return Task.FromResult(new ConfigureProvider.Types.Response());
    }

    public override async Task<ApplyResourceChange.Types.Response> ApplyResourceChange(ApplyResourceChange.Types.Request request, ServerCallContext context)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, context.CancellationToken);
        _logger.LogInformation(ApplyStartedMessage + " for {tf_resource_type}", request.TypeName);
        try
        {
            await Task.Delay(Timeout.Infinite, cancel.Token);
            return new ApplyResourceChange.Types.Response();
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("apply of {tf_resource_type} cancelled", request.TypeName);
            return new ApplyResourceChange.Types.Response
            {
                Diagnostics =
                {
                    new Diagnostic
                    {
                        Severity = Diagnostic.Types.Severity.Error,
                        Summary = "Apply cancelled",
                        Detail = "Terraform asked the provider to stop before the change finished.",
                    },
                },
            };
        }
    }

    public override Task<StopProvider.Types.Response> StopProvider(StopProvider.Types.Request request, ServerCallContext context)
    {
        _stop.Cancel();
        return Task.FromResult(new StopProvider.Types.Response());
    }
}
