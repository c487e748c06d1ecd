using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Tfplugin6;
using static DbtTfProvider.Framework.Server.WireConversions;
using WireDiagnostic = Tfplugin6.Diagnostic;

namespace DbtTfProvider.Framework.Server;

/// <summary>
/// The tfplugin6 Provider service: decodes each request, hands it to the framework, encodes the answer. Holds the
/// per-process state (the provider runtime, the cached schema response, and the stop signal whose token reaches
/// every resource operation). RPCs not overridden here answer Unimplemented.
/// </summary>
public sealed class ProviderServer : Tfplugin6.Provider.ProviderBase
{
    private readonly ProviderRuntime _runtime;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lazy<GetProviderSchema.Types.Response> _schemaResponse;

    public ProviderServer(ProviderDefinition definition, ILoggerFactory loggerFactory, ProviderServerOptions? options = null)
    {
        _runtime = new ProviderRuntime(definition, loggerFactory,
            options?.ExecutableName ?? ProviderDefinition.CurrentExecutableName(),
            options?.Environment ?? System.Environment.GetEnvironmentVariable);
        _logger = loggerFactory.CreateLogger("DbtTfProvider.Framework");
        _schemaResponse = new(BuildSchemaResponse);
    }

    public ProviderRuntime Runtime => _runtime;

    private static ServerCapabilities Capabilities => new() { PlanDestroy = true, GetProviderSchemaOptional = true, MoveResourceState = true };

    public override Task<GetMetadata.Types.Response> GetMetadata(GetMetadata.Types.Request request, ServerCallContext context)
    {
        var response = new GetMetadata.Types.Response { ServerCapabilities = Capabilities };
        response.Resources.AddRange(_runtime.ResourceTypeNames.Select(t => new GetMetadata.Types.ResourceMetadata { TypeName = t }));
        response.DataSources.AddRange(_runtime.DataSourceTypeNames.Select(t => new GetMetadata.Types.DataSourceMetadata { TypeName = t }));
        return Task.FromResult(response);
    }

    public override Task<GetProviderSchema.Types.Response> GetProviderSchema(GetProviderSchema.Types.Request request, ServerCallContext context) =>
        Task.FromResult(_schemaResponse.Value);

    private GetProviderSchema.Types.Response BuildSchemaResponse()
    {
        var response = new GetProviderSchema.Types.Response { ServerCapabilities = Capabilities };
        try
        {
            response.Provider = ToWire(_runtime.ConfigBlock, 0);
            foreach (var (name, r) in _runtime.Resources) response.ResourceSchemas.Add(name, ToWire(r.Block, r.SchemaVersion));
            foreach (var (name, d) in _runtime.DataSources) response.DataSourceSchemas.Add(name, ToWire(d.Block, 0));
        }
        catch (SchemaDefinitionException e)
        {
            response.Provider ??= new Tfplugin6.Schema { Block = new Tfplugin6.Schema.Types.Block() };
            response.Diagnostics.Add(ToWire(Diagnostics.Diagnostic.Error("Invalid provider schema", e.Message + " This is a bug in the provider.")));
        }
        return response;
    }

    public override Task<ValidateProviderConfig.Types.Response> ValidateProviderConfig(ValidateProviderConfig.Types.Request request, ServerCallContext context)
    {
        var response = new ValidateProviderConfig.Types.Response();
        Serve("ValidateProviderConfig", response.Diagnostics, d =>
        {
            var config = DecodeOrReport(request.Config, _runtime.ConfigBlock.ImpliedType, "provider configuration", d);
            if (config is not null) _runtime.ValidateConfig(config, d);
        });
        return Task.FromResult(response);
    }

    public override async Task<ConfigureProvider.Types.Response> ConfigureProvider(ConfigureProvider.Types.Request request, ServerCallContext context)
    {
        var response = new ConfigureProvider.Types.Response();
        await ServeAsync("ConfigureProvider", response.Diagnostics, async d =>
        {
            var config = DecodeOrReport(request.Config, _runtime.ConfigBlock.ImpliedType, "provider configuration", d);
            if (config is null) return;
            using var cancel = Link(context);
            await _runtime.ConfigureAsync(config, request.TerraformVersion, d, cancel.Token);
        });
        return response;
    }

    public override Task<ValidateResourceConfig.Types.Response> ValidateResourceConfig(ValidateResourceConfig.Types.Request request, ServerCallContext context)
    {
        var response = new ValidateResourceConfig.Types.Response();
        Serve("ValidateResourceConfig", response.Diagnostics, d =>
        {
            if (Find(request.TypeName, d) is not { } resource) return;
            var config = DecodeOrReport(request.Config, resource.Block.ImpliedType, "configuration", d);
            if (config is not null) resource.ValidateConfig(config, request.ClientCapabilities?.WriteOnlyAttributesAllowed ?? false, d);
        });
        return Task.FromResult(response);
    }

    public override Task<UpgradeResourceState.Types.Response> UpgradeResourceState(UpgradeResourceState.Types.Request request, ServerCallContext context)
    {
        var response = new UpgradeResourceState.Types.Response();
        Serve("UpgradeResourceState", response.Diagnostics, d =>
        {
            if (Find(request.TypeName, d) is not { } resource) return;
            if (request.RawState is null || request.RawState.Json.IsEmpty)
            {
                d.AddError("Unsupported state format", $"The stored state of this {request.TypeName} is not JSON (state written by Terraform before 0.12 cannot be read).");
                return;
            }
            var outcome = resource.UpgradeState(request.Version, request.RawState.Json.Span);
            d.AddRange(outcome.Diagnostics);
            response.UpgradedState = Encode(outcome.State, resource.Block.ImpliedType);
        });
        return Task.FromResult(response);
    }

    public override Task<MoveResourceState.Types.Response> MoveResourceState(MoveResourceState.Types.Request request, ServerCallContext context)
    {
        var response = new MoveResourceState.Types.Response();
        Serve("MoveResourceState", response.Diagnostics, d =>
        {
            if (Find(request.TargetTypeName, d) is not { } resource) return;
            if (request.SourceState is null || request.SourceState.Json.IsEmpty)
            {
                d.AddError("Unsupported state format", $"The stored state of {request.SourceTypeName} is not JSON (state written by Terraform before 0.12 cannot be moved).");
                return;
            }
            var outcome = resource.MoveState(new StateMoveRequest(request.SourceProviderAddress, request.SourceTypeName, request.SourceSchemaVersion),
                request.SourceState.Json.Span);
            d.AddRange(outcome.Diagnostics);
            if (outcome.Diagnostics.HasErrors) return;
            response.TargetState = Encode(outcome.State, resource.Block.ImpliedType);
            response.TargetPrivate = ByteString.CopyFrom(outcome.Private);
        });
        return Task.FromResult(response);
    }

    public override async Task<ReadResource.Types.Response> ReadResource(ReadResource.Types.Request request, ServerCallContext context)
    {
        var response = new ReadResource.Types.Response { Private = request.Private };
        await ServeAsync("ReadResource", response.Diagnostics, async d =>
        {
            if (Find(request.TypeName, d) is not { } resource) return;
            var type = resource.Block.ImpliedType;
            var state = DecodeOrReport(request.CurrentState, type, "current state", d);
            if (state is null) return;
            response.NewState = Encode(state, type);
            using var cancel = Link(context);
            var outcome = await resource.ReadAsync(state, request.Private.ToByteArray(), cancel.Token);
            d.AddRange(outcome.Diagnostics);
            response.NewState = Encode(outcome.State, type);
            response.Private = ByteString.CopyFrom(outcome.Private);
        });
        return response;
    }

    public override async Task<PlanResourceChange.Types.Response> PlanResourceChange(PlanResourceChange.Types.Request request, ServerCallContext context)
    {
        var response = new PlanResourceChange.Types.Response { PlannedPrivate = request.PriorPrivate };
        await ServeAsync("PlanResourceChange", response.Diagnostics, async d =>
        {
            if (Find(request.TypeName, d) is not { } resource) return;
            var type = resource.Block.ImpliedType;
            var prior = DecodeOrReport(request.PriorState, type, "prior state", d);
            var proposed = DecodeOrReport(request.ProposedNewState, type, "proposed new state", d);
            var config = DecodeOrReport(request.Config, type, "configuration", d);
            if (prior is null || proposed is null || config is null) return;
            using var cancel = Link(context);
            var outcome = await resource.PlanAsync(prior, proposed, config, request.PriorPrivate.ToByteArray(), cancel.Token);
            d.AddRange(outcome.Diagnostics);
            response.PlannedState = Encode(outcome.PlannedState, type);
            response.RequiresReplace.AddRange(outcome.RequiresReplace.Select(ToWire));
            response.PlannedPrivate = ByteString.CopyFrom(outcome.PlannedPrivate);
        });
        return response;
    }

    public override async Task<ApplyResourceChange.Types.Response> ApplyResourceChange(ApplyResourceChange.Types.Request request, ServerCallContext context)
    {
        var response = new ApplyResourceChange.Types.Response { Private = request.PlannedPrivate };
        await ServeAsync("ApplyResourceChange", response.Diagnostics, async d =>
        {
            if (Find(request.TypeName, d) is not { } resource) return;
            var type = resource.Block.ImpliedType;
            var prior = DecodeOrReport(request.PriorState, type, "prior state", d);
            var planned = DecodeOrReport(request.PlannedState, type, "planned state", d);
            var config = DecodeOrReport(request.Config, type, "configuration", d);
            if (prior is null || planned is null || config is null) return;
            // Until the resource answers, the safe answer is "nothing changed".
            response.NewState = Encode(prior, type);
            using var cancel = Link(context);
            var outcome = await resource.ApplyAsync(prior, planned, config, request.PlannedPrivate.ToByteArray(), cancel.Token);
            d.AddRange(outcome.Diagnostics);
            response.NewState = Encode(outcome.State, type);
            response.Private = ByteString.CopyFrom(outcome.Private);
        });
        return response;
    }

    public override async Task<ImportResourceState.Types.Response> ImportResourceState(ImportResourceState.Types.Request request, ServerCallContext context)
    {
        var response = new ImportResourceState.Types.Response();
        await ServeAsync("ImportResourceState", response.Diagnostics, async d =>
        {
            if (Find(request.TypeName, d) is not { } resource) return;
            using var cancel = Link(context);
            var outcome = await resource.ImportAsync(request.Id, cancel.Token);
            d.AddRange(outcome.Diagnostics);
            if (outcome.Diagnostics.HasErrors) return;
            response.ImportedResources.Add(new ImportResourceState.Types.ImportedResource
            {
                TypeName = request.TypeName,
                State = Encode(outcome.State, resource.Block.ImpliedType),
                Private = ByteString.CopyFrom(outcome.Private),
            });
        });
        return response;
    }

    public override Task<ValidateDataResourceConfig.Types.Response> ValidateDataResourceConfig(ValidateDataResourceConfig.Types.Request request, ServerCallContext context)
    {
        var response = new ValidateDataResourceConfig.Types.Response();
        Serve("ValidateDataResourceConfig", response.Diagnostics, d =>
        {
            if (FindDataSource(request.TypeName, d) is not { } dataSource) return;
            var config = DecodeOrReport(request.Config, dataSource.Block.ImpliedType, "configuration", d);
            if (config is not null) dataSource.ValidateConfig(config, d);
        });
        return Task.FromResult(response);
    }

    public override async Task<ReadDataSource.Types.Response> ReadDataSource(ReadDataSource.Types.Request request, ServerCallContext context)
    {
        var response = new ReadDataSource.Types.Response();
        await ServeAsync("ReadDataSource", response.Diagnostics, async d =>
        {
            if (FindDataSource(request.TypeName, d) is not { } dataSource) return;
            var type = dataSource.Block.ImpliedType;
            var config = DecodeOrReport(request.Config, type, "configuration", d);
            if (config is null) return;
            using var cancel = Link(context);
            response.State = Encode(await dataSource.ReadAsync(config, d, cancel.Token), type);
        });
        return response;
    }

    public override Task<StopProvider.Types.Response> StopProvider(StopProvider.Types.Request request, ServerCallContext context)
    {
        _logger.LogInformation("StopProvider: cancelling operations in flight");
        _stop.Cancel();
        return Task.FromResult(new StopProvider.Types.Response { Error = "" });
    }

    private CancellationTokenSource Link(ServerCallContext context) => CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, context.CancellationToken);

    private IResourceRuntime? Find(string typeName, DiagnosticList diagnostics)
    {
        var resource = _runtime.FindResource(typeName);
        if (resource is null)
            diagnostics.AddError("Unknown resource type", $"This provider ({string.Join(", ", _runtime.PartNames)}) has no resource type \"{typeName}\".");
        return resource;
    }

    private DataSources.IDataSourceRuntime? FindDataSource(string typeName, DiagnosticList diagnostics)
    {
        var dataSource = _runtime.FindDataSource(typeName);
        if (dataSource is null)
            diagnostics.AddError("Unknown data source type", $"This provider ({string.Join(", ", _runtime.PartNames)}) has no data source type \"{typeName}\".");
        return dataSource;
    }

    private static CtyValue? DecodeOrReport(DynamicValue? value, CtyType type, string what, DiagnosticList diagnostics)
    {
        try
        {
            return Decode(value, type);
        }
        catch (CtyDecodeException e)
        {
            diagnostics.Add(Diagnostics.Diagnostic.Error($"Invalid {what} from Terraform",
                $"The {what} could not be decoded{(e.Path.IsRoot ? "" : $" at {e.Path}")}: {e.Message}"));
            return null;
        }
    }

    private void Serve(string rpc, Google.Protobuf.Collections.RepeatedField<WireDiagnostic> target, Action<DiagnosticList> body)
    {
        var diagnostics = new DiagnosticList();
        _logger.LogDebug("rpc {Rpc}", rpc);
        try
        {
            body(diagnostics);
        }
        catch (Exception e)
        {
            ReportInternalError(rpc, e, diagnostics);
        }
        diagnostics.Capped().AddTo(target);
    }

    private async Task ServeAsync(string rpc, Google.Protobuf.Collections.RepeatedField<WireDiagnostic> target, Func<DiagnosticList, Task> body)
    {
        var diagnostics = new DiagnosticList();
        _logger.LogDebug("rpc {Rpc}", rpc);
        try
        {
            await body(diagnostics);
        }
        catch (Exception e)
        {
            ReportInternalError(rpc, e, diagnostics);
        }
        diagnostics.Capped().AddTo(target);
    }

    /// <summary>A bug in the provider or framework: a diagnostic for the user, never a crashed plugin.</summary>
    private void ReportInternalError(string rpc, Exception e, DiagnosticList diagnostics)
    {
        _logger.LogError("{Rpc} failed: {Exception}: {Message}", rpc, e.GetType().Name, e.Message);
        var message = e is SchemaDefinitionException ? "Invalid provider schema" : "Internal provider error";
        diagnostics.AddError(message, $"{rpc} failed: {e.GetType().Name}: {e.Message}. This is a bug in the provider. Please report it.");
    }
}
