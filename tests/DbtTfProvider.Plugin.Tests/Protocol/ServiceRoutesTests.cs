using DbtTfProvider.Plugin.Hosting;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace DbtTfProvider.Plugin.Tests.Protocol;

public sealed class ServiceRoutesTests
{
    [Fact]
    public void Every_method_of_every_proto_service_is_routed_with_its_streaming_kind()
    {
        var dispatcher = new GrpcDispatcher(1024, NullLogger.Instance);
        ServiceRoutes.MapProvider(dispatcher, new TaskCompletionSource<Tfplugin6.Provider.ProviderBase>().Task);
        ServiceRoutes.MapController(dispatcher, new ControllerService(new GracefulTermination(new PluginLifetime())));
        ServiceRoutes.MapHealth(dispatcher, new HealthService());

        var expected = new[]
            {
                Tfplugin6.Tfplugin6Reflection.Descriptor,
                GoPlugin.GrpcControllerReflection.Descriptor,
                Grpc.Health.V1.HealthReflection.Descriptor,
            }
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .ToDictionary(m => "/" + m.Service.FullName + "/" + m.Name, Kind);

        Assert.Equal(expected.OrderBy(e => e.Key), dispatcher.Routes.OrderBy(e => e.Key));
        Assert.Contains("/tfplugin6.Provider/ApplyResourceChange", dispatcher.Routes.Keys);
        Assert.Contains("/plugin.GRPCController/Shutdown", dispatcher.Routes.Keys);
    }

    private static MethodType Kind(MethodDescriptor method) => (method.IsClientStreaming, method.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (true, false) => MethodType.ClientStreaming,
        (false, true) => MethodType.ServerStreaming,
        _ => MethodType.DuplexStreaming,
    };
}
