using Grpc.Core;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// go-plugin's plugin.GRPCController. Terraform calls Shutdown every time it closes a provider, then waits at most
/// 2 s for the process to exit before killing it. go-plugin reads the reply, then closes its connection: the process
/// exits on that close, so the reply is never cut off and no time is spent waiting on a timer. A client that keeps its
/// connection open still sees the process exit ExitDelay after the reply. A provider call still under way is let
/// finish first (<see cref="GracefulTermination.ExitWhenIdle"/>).
/// </summary>
internal sealed class ControllerService(GracefulTermination termination) : GoPlugin.GRPCController.GRPCControllerBase
{
    private static readonly TimeSpan ExitDelay = TimeSpan.FromMilliseconds(100);

    public override Task<GoPlugin.Empty> Shutdown(GoPlugin.Empty request, ServerCallContext context)
    {
        var call = (GrpcServerCallContext)context;
        call.OnResponseCompleted(() =>
        {
            call.ConnectionClosed.Register(termination.ExitWhenIdle);
            _ = Task.Delay(ExitDelay).ContinueWith(_ => termination.ExitWhenIdle(), TaskScheduler.Default);
        });
        return Task.FromResult(new GoPlugin.Empty());
    }
}
