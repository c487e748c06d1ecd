using Grpc.Core;
using Grpc.Health.V1;
using Tfplugin6;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// The gRPC methods the host serves, each with its concrete message types (see GrpcDispatcher for why not the
/// generated BindService). A unit test checks this table against the service descriptors compiled from proto/, so a
/// method added to the proto cannot be forgotten here.
/// </summary>
internal static class ServiceRoutes
{
    public const string ProviderService = "tfplugin6.Provider";
    public const string ControllerService = "plugin.GRPCController";
    public const string HealthService = "grpc.health.v1.Health";

    public static void MapController(GrpcDispatcher dispatcher, Hosting.ControllerService controller) =>
        dispatcher.MapUnary<GoPlugin.Empty, GoPlugin.Empty>(ControllerService, "Shutdown", GoPlugin.Empty.Parser, controller.Shutdown);

    public static void MapHealth(GrpcDispatcher dispatcher, Hosting.HealthService health)
    {
        dispatcher.MapUnary<HealthCheckRequest, HealthCheckResponse>(HealthService, "Check", HealthCheckRequest.Parser, health.Check);
        dispatcher.MapUnary<HealthListRequest, HealthListResponse>(HealthService, "List", HealthListRequest.Parser, health.List);
        dispatcher.MapServerStreaming<HealthCheckRequest, HealthCheckResponse>(HealthService, "Watch", HealthCheckRequest.Parser, health.Watch);
    }

    /// <summary>Maps every tfplugin6.Provider RPC onto the provider instance, which may still be under construction:
    /// calls wait for it. Each call is counted in <paramref name="calls"/> until its answer is written.</summary>
    public static void MapProvider(GrpcDispatcher dispatcher, Task<Provider.ProviderBase> provider, ProviderCallsInFlight? calls = null)
    {
        calls ??= new ProviderCallsInFlight();
        void Unary<TRequest, TResponse>(string method, Google.Protobuf.MessageParser<TRequest> parser,
            Func<Provider.ProviderBase, TRequest, ServerCallContext, Task<TResponse>> call)
            where TRequest : class, Google.Protobuf.IMessage<TRequest> where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
            dispatcher.MapUnary<TRequest, TResponse>(ProviderService, method, parser, async (request, context) =>
            {
                var counted = calls.Enter();
                try
                {
                    return await call(await provider, request, context);
                }
                finally
                {
                    ProviderCallsInFlight.LeaveWhenAnswered(counted, context);
                }
            });

        void ServerStreaming<TRequest, TResponse>(string method, Google.Protobuf.MessageParser<TRequest> parser,
            Func<Provider.ProviderBase, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> call)
            where TRequest : class, Google.Protobuf.IMessage<TRequest> where TResponse : class, Google.Protobuf.IMessage<TResponse> =>
            dispatcher.MapServerStreaming<TRequest, TResponse>(ProviderService, method, parser,
                async (request, stream, context) =>
                {
                    var counted = calls.Enter();
                    try
                    {
                        await call(await provider, request, stream, context);
                    }
                    finally
                    {
                        ProviderCallsInFlight.LeaveWhenAnswered(counted, context);
                    }
                });

        Unary<GetMetadata.Types.Request, GetMetadata.Types.Response>("GetMetadata", GetMetadata.Types.Request.Parser, (p, r, c) => p.GetMetadata(r, c));
        Unary<GetProviderSchema.Types.Request, GetProviderSchema.Types.Response>("GetProviderSchema", GetProviderSchema.Types.Request.Parser, (p, r, c) => p.GetProviderSchema(r, c));
        Unary<ValidateProviderConfig.Types.Request, ValidateProviderConfig.Types.Response>("ValidateProviderConfig", ValidateProviderConfig.Types.Request.Parser, (p, r, c) => p.ValidateProviderConfig(r, c));
        Unary<ValidateResourceConfig.Types.Request, ValidateResourceConfig.Types.Response>("ValidateResourceConfig", ValidateResourceConfig.Types.Request.Parser, (p, r, c) => p.ValidateResourceConfig(r, c));
        Unary<ValidateDataResourceConfig.Types.Request, ValidateDataResourceConfig.Types.Response>("ValidateDataResourceConfig", ValidateDataResourceConfig.Types.Request.Parser, (p, r, c) => p.ValidateDataResourceConfig(r, c));
        Unary<UpgradeResourceState.Types.Request, UpgradeResourceState.Types.Response>("UpgradeResourceState", UpgradeResourceState.Types.Request.Parser, (p, r, c) => p.UpgradeResourceState(r, c));
        Unary<GetResourceIdentitySchemas.Types.Request, GetResourceIdentitySchemas.Types.Response>("GetResourceIdentitySchemas", GetResourceIdentitySchemas.Types.Request.Parser, (p, r, c) => p.GetResourceIdentitySchemas(r, c));
        Unary<UpgradeResourceIdentity.Types.Request, UpgradeResourceIdentity.Types.Response>("UpgradeResourceIdentity", UpgradeResourceIdentity.Types.Request.Parser, (p, r, c) => p.UpgradeResourceIdentity(r, c));
        Unary<ConfigureProvider.Types.Request, ConfigureProvider.Types.Response>("ConfigureProvider", ConfigureProvider.Types.Request.Parser, (p, r, c) => p.ConfigureProvider(r, c));
        Unary<ReadResource.Types.Request, ReadResource.Types.Response>("ReadResource", ReadResource.Types.Request.Parser, (p, r, c) => p.ReadResource(r, c));
        Unary<PlanResourceChange.Types.Request, PlanResourceChange.Types.Response>("PlanResourceChange", PlanResourceChange.Types.Request.Parser, (p, r, c) => p.PlanResourceChange(r, c));
        Unary<ApplyResourceChange.Types.Request, ApplyResourceChange.Types.Response>("ApplyResourceChange", ApplyResourceChange.Types.Request.Parser, (p, r, c) => p.ApplyResourceChange(r, c));
        Unary<ImportResourceState.Types.Request, ImportResourceState.Types.Response>("ImportResourceState", ImportResourceState.Types.Request.Parser, (p, r, c) => p.ImportResourceState(r, c));
        Unary<MoveResourceState.Types.Request, MoveResourceState.Types.Response>("MoveResourceState", MoveResourceState.Types.Request.Parser, (p, r, c) => p.MoveResourceState(r, c));
        Unary<ReadDataSource.Types.Request, ReadDataSource.Types.Response>("ReadDataSource", ReadDataSource.Types.Request.Parser, (p, r, c) => p.ReadDataSource(r, c));
        Unary<GenerateResourceConfig.Types.Request, GenerateResourceConfig.Types.Response>("GenerateResourceConfig", GenerateResourceConfig.Types.Request.Parser, (p, r, c) => p.GenerateResourceConfig(r, c));
        Unary<ValidateEphemeralResourceConfig.Types.Request, ValidateEphemeralResourceConfig.Types.Response>("ValidateEphemeralResourceConfig", ValidateEphemeralResourceConfig.Types.Request.Parser, (p, r, c) => p.ValidateEphemeralResourceConfig(r, c));
        Unary<OpenEphemeralResource.Types.Request, OpenEphemeralResource.Types.Response>("OpenEphemeralResource", OpenEphemeralResource.Types.Request.Parser, (p, r, c) => p.OpenEphemeralResource(r, c));
        Unary<RenewEphemeralResource.Types.Request, RenewEphemeralResource.Types.Response>("RenewEphemeralResource", RenewEphemeralResource.Types.Request.Parser, (p, r, c) => p.RenewEphemeralResource(r, c));
        Unary<CloseEphemeralResource.Types.Request, CloseEphemeralResource.Types.Response>("CloseEphemeralResource", CloseEphemeralResource.Types.Request.Parser, (p, r, c) => p.CloseEphemeralResource(r, c));
        ServerStreaming<ListResource.Types.Request, ListResource.Types.Event>("ListResource", ListResource.Types.Request.Parser, (p, r, s, c) => p.ListResource(r, s, c));
        Unary<ValidateListResourceConfig.Types.Request, ValidateListResourceConfig.Types.Response>("ValidateListResourceConfig", ValidateListResourceConfig.Types.Request.Parser, (p, r, c) => p.ValidateListResourceConfig(r, c));
        Unary<GetFunctions.Types.Request, GetFunctions.Types.Response>("GetFunctions", GetFunctions.Types.Request.Parser, (p, r, c) => p.GetFunctions(r, c));
        Unary<CallFunction.Types.Request, CallFunction.Types.Response>("CallFunction", CallFunction.Types.Request.Parser, (p, r, c) => p.CallFunction(r, c));
        Unary<ValidateStateStore.Types.Request, ValidateStateStore.Types.Response>("ValidateStateStoreConfig", ValidateStateStore.Types.Request.Parser, (p, r, c) => p.ValidateStateStoreConfig(r, c));
        Unary<ConfigureStateStore.Types.Request, ConfigureStateStore.Types.Response>("ConfigureStateStore", ConfigureStateStore.Types.Request.Parser, (p, r, c) => p.ConfigureStateStore(r, c));
        ServerStreaming<ReadStateBytes.Types.Request, ReadStateBytes.Types.Response>("ReadStateBytes", ReadStateBytes.Types.Request.Parser, (p, r, s, c) => p.ReadStateBytes(r, s, c));
        dispatcher.MapClientStreaming<WriteStateBytes.Types.RequestChunk, WriteStateBytes.Types.Response>(ProviderService, "WriteStateBytes",
            WriteStateBytes.Types.RequestChunk.Parser, async (stream, context) => await (await provider).WriteStateBytes(stream, context));
        Unary<LockState.Types.Request, LockState.Types.Response>("LockState", LockState.Types.Request.Parser, (p, r, c) => p.LockState(r, c));
        Unary<UnlockState.Types.Request, UnlockState.Types.Response>("UnlockState", UnlockState.Types.Request.Parser, (p, r, c) => p.UnlockState(r, c));
        Unary<GetStates.Types.Request, GetStates.Types.Response>("GetStates", GetStates.Types.Request.Parser, (p, r, c) => p.GetStates(r, c));
        Unary<DeleteState.Types.Request, DeleteState.Types.Response>("DeleteState", DeleteState.Types.Request.Parser, (p, r, c) => p.DeleteState(r, c));
        Unary<PlanAction.Types.Request, PlanAction.Types.Response>("PlanAction", PlanAction.Types.Request.Parser, (p, r, c) => p.PlanAction(r, c));
        ServerStreaming<InvokeAction.Types.Request, InvokeAction.Types.Event>("InvokeAction", InvokeAction.Types.Request.Parser, (p, r, s, c) => p.InvokeAction(r, s, c));
        Unary<ValidateActionConfig.Types.Request, ValidateActionConfig.Types.Response>("ValidateActionConfig", ValidateActionConfig.Types.Request.Parser, (p, r, c) => p.ValidateActionConfig(r, c));
        Unary<StopProvider.Types.Request, StopProvider.Types.Response>("StopProvider", StopProvider.Types.Request.Parser, (p, r, c) => p.StopProvider(r, c));
    }
}
