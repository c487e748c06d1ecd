using Grpc.Core;

namespace DbtTfProvider.Plugin.Hosting;

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
