using Grpc.Core;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// go-plugin's plugin.GRPCController. Terraform calls Shutdown every time it closes a provider, then waits at most
/// 2 s for the process to exit before killing it: so reply, and exit as soon as the reply is on the wire.
/// </summary>
internal sealed class ControllerService(PluginLifetime lifetime) : GoPlugin.GRPCController.GRPCControllerBase
{
    private static readonly TimeSpan ExitDelay = TimeSpan.FromMilliseconds(10);

    public override Task<GoPlugin.Empty> Shutdown(GoPlugin.Empty request, ServerCallContext context)
    {
        // Exit once the reply has been handed to the connection, plus a moment for it to reach the socket.
        ((GrpcServerCallContext)context).OnResponseCompleted(() =>
            _ = Task.Delay(ExitDelay).ContinueWith(_ => lifetime.RequestExit(0), TaskScheduler.Default));
        return Task.FromResult(new GoPlugin.Empty());
    }
}

/// <summary>grpc.health.v1: go-plugin's documented probe asks for service "plugin".</summary>
internal sealed class HealthService : Grpc.Health.V1.Health.HealthBase
{
    public override Task<Grpc.Health.V1.HealthCheckResponse> Check(Grpc.Health.V1.HealthCheckRequest request, ServerCallContext context)
    {
        if (request.Service is "" or "plugin")
        {
            return Task.FromResult(new Grpc.Health.V1.HealthCheckResponse { Status = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving });
        }
        throw new RpcException(new Status(StatusCode.NotFound, $"unknown service \"{request.Service}\""));
    }
}
