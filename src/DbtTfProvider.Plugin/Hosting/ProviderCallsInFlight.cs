namespace DbtTfProvider.Plugin.Hosting;

/// <summary>The tfplugin6 provider calls under way: <see cref="GracefulTermination"/> waits for them before the process exits.</summary>
internal sealed class ProviderCallsInFlight
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Call Enter()
    {
        Interlocked.Increment(ref _count);
        return new Call(this);
    }

    /// <summary>
    /// Ends a call's count once its answer has been written to the connection, not when the handler returns: an exit
    /// that waits for idle (SIGTERM, Shutdown during a call) then never cuts off the answer of the call it waited for.
    /// </summary>
    public static void LeaveWhenAnswered(Call call, Grpc.Core.ServerCallContext context)
    {
        if (context is GrpcServerCallContext grpc)
            grpc.OnResponseCompleted(call.Dispose);
        else
            call.Dispose();
    }

    /// <summary>Returns once no call is under way, or after <paramref name="max"/>.</summary>
    public async Task WhenIdleAsync(TimeSpan max)
    {
        var deadline = DateTime.UtcNow + max;
        while (Count > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(PollInterval);
    }

    public readonly struct Call(ProviderCallsInFlight calls) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref calls._count);
    }
}
