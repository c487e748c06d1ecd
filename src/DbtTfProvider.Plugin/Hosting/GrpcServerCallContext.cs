using Grpc.Core;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>The ServerCallContext handed to service methods: request metadata, cancellation (client gone or
/// deadline passed), and response headers/trailers/status the method may set.</summary>
internal sealed class GrpcServerCallContext(HttpContext http, string method, Metadata requestHeaders, DateTime deadline,
    CancellationToken cancellationToken) : ServerCallContext
{
    private readonly Metadata _responseTrailers = [];
    private Status _status = Status.DefaultSuccess;
    private WriteOptions? _writeOptions;

    /// <summary>Runs after the response, trailers included, has been written to the connection.</summary>
    public void OnResponseCompleted(Action action) => http.Response.OnCompleted(() =>
    {
        action();
        return Task.CompletedTask;
    });

    /// <summary>Cancelled when the connection this call came on is closed (by either side).</summary>
    public CancellationToken ConnectionClosed => http.Features.Get<IConnectionLifetimeFeature>()?.ConnectionClosed ?? CancellationToken.None;

    protected override string MethodCore => method;

    protected override string HostCore => http.Request.Host.Value ?? "";

    protected override string PeerCore => "unix:";

    protected override DateTime DeadlineCore => deadline;

    protected override Metadata RequestHeadersCore => requestHeaders;

    protected override CancellationToken CancellationTokenCore => cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => _writeOptions;
        set => _writeOptions = value;
    }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("Context propagation is not supported by the plugin host.");

    protected override async Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        foreach (var entry in responseHeaders)
        {
            http.Response.Headers.Append(entry.Key, entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value);
        }
        await http.Response.StartAsync(cancellationToken);
    }
}
