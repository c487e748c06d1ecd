using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// A minimal gRPC server over Kestrel's HTTP/2 (the gRPC-over-HTTP/2 wire format: length-prefixed messages,
/// grpc-status trailers). Services are registered through their generated BindService methods, whose generic
/// AddMethod calls are visible to the NativeAOT compiler; Grpc.AspNetCore's reflection-based binding had to build
/// those generic instantiations at run time, which made up most of the start-up time.
/// </summary>
internal sealed class GrpcDispatcher
{
    private const string GrpcContentType = "application/grpc";
    private readonly Dictionary<string, Func<HttpContext, Task>> _methods = new(StringComparer.Ordinal);
    private Task? _pendingService;
    private readonly int _maxMessageBytes;
    private readonly ILogger _logger;

    public GrpcDispatcher(int maxMessageBytes, ILogger logger)
    {
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
    }

    /// <summary>Registers a service now. Call before the server starts.</summary>
    public void Add(Action<ServiceBinderBase> bindService) => bindService(new Binder(this));

    /// <summary>Registers a service whose instance is still being created (one at most); calls to methods not
    /// registered yet wait for it.</summary>
    public void AddPending(Task<Action<ServiceBinderBase>> bindService) =>
        _pendingService = bindService.ContinueWith(t => Add(t.GetAwaiter().GetResult()), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var handler = Find(path);
        if (handler is null && _pendingService is { } pending)
        {
            try
            {
                await pending;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "creating the provider service failed");
                await RespondWithStatusAsync(http, new Status(StatusCode.Unavailable, "The provider failed to start: " + e.Message));
                return;
            }
            handler = Find(path);
        }

        if (!HttpMethods.IsPost(http.Request.Method) ||
            http.Request.ContentType?.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase) != true)
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        if (handler is null)
        {
            await RespondWithStatusAsync(http, new Status(StatusCode.Unimplemented, $"Method {path} is not implemented by this plugin."));
            return;
        }
        await handler(http);
    }

    private Func<HttpContext, Task>? Find(string path)
    {
        lock (_methods) return _methods.GetValueOrDefault(path);
    }

    private void Register<TRequest, TResponse>(Method<TRequest, TResponse> method,
        Func<CallScope<TRequest, TResponse>, Task> invoke)
        where TRequest : class where TResponse : class
    {
        lock (_methods) _methods[method.FullName] = http => InvokeAsync(http, method, invoke);
    }

    private async Task InvokeAsync<TRequest, TResponse>(HttpContext http, Method<TRequest, TResponse> method,
        Func<CallScope<TRequest, TResponse>, Task> invoke)
        where TRequest : class where TResponse : class
    {
        var timeout = ParseTimeout(http.Request.Headers["grpc-timeout"]);
        using var deadline = timeout is { } t ? new CancellationTokenSource(t) : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadline.Token);
        var cancellation = linked?.Token ?? http.RequestAborted;
        var context = new GrpcServerCallContext(http, method.FullName, ReadMetadata(http.Request.Headers),
            timeout is { } d ? DateTime.UtcNow + d : DateTime.MaxValue, cancellation);

        http.Response.ContentType = GrpcContentType;
        var scope = new CallScope<TRequest, TResponse>(this, http, method, context);
        Status status;
        try
        {
            if (http.Request.Headers.TryGetValue("grpc-encoding", out var encoding) && encoding != "identity")
            {
                throw new RpcException(new Status(StatusCode.Unimplemented, $"Message compression \"{encoding}\" is not supported."));
            }
            await invoke(scope);
            status = context.Status;
        }
        catch (RpcException e)
        {
            status = e.Status;
            foreach (var entry in e.Trailers) context.ResponseTrailers.Add(entry);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            status = deadline?.IsCancellationRequested == true
                ? new Status(StatusCode.DeadlineExceeded, "Deadline exceeded.")
                : new Status(StatusCode.Cancelled, "The call was cancelled.");
        }
        catch (Exception e)
        {
            _logger.LogError(e, "unhandled exception in {tf_rpc}", method.Name);
            status = new Status(StatusCode.Unknown, "Exception was thrown by handler.");
        }

        if (http.RequestAborted.IsCancellationRequested) return;
        AppendTrailers(http, status, context.ResponseTrailers);
    }

    private static Task RespondWithStatusAsync(HttpContext http, Status status)
    {
        http.Response.ContentType = GrpcContentType;
        AppendTrailers(http, status, []);
        return Task.CompletedTask;
    }

    private static void AppendTrailers(HttpContext http, Status status, Metadata trailers)
    {
        var response = http.Response;
        if (!response.SupportsTrailers())
        {
            // Without trailers (HTTP/1.x) the status can only go in the headers.
            if (!response.HasStarted)
            {
                response.Headers["grpc-status"] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
                if (status.Detail.Length > 0) response.Headers["grpc-message"] = PercentEncode(status.Detail);
            }
            return;
        }
        response.AppendTrailer("grpc-status", ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (status.Detail.Length > 0) response.AppendTrailer("grpc-message", PercentEncode(status.Detail));
        foreach (var entry in trailers)
        {
            response.AppendTrailer(entry.Key, entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value);
        }
    }

    /// <summary>grpc-message is percent-encoded UTF-8: everything outside printable ASCII, and '%' itself.</summary>
    internal static string PercentEncode(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%') builder.Append((char)b);
            else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    internal static TimeSpan? ParseTimeout(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length < 2) return null;
        if (!long.TryParse(header.AsSpan(0, header.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return null;
        var ticks = header[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / 100,
            _ => -1,
        };
        return ticks < 0 ? null : TimeSpan.FromTicks(Math.Min(ticks, TimeSpan.FromDays(365).Ticks));
    }

    private static Metadata ReadMetadata(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (key, values) in headers)
        {
            if (key.StartsWith(':') || key is "content-type" or "te" or "grpc-timeout" or "grpc-encoding" or "grpc-accept-encoding" or "host" or "user-agent") continue;
            var name = key.ToLowerInvariant();
            foreach (var value in values)
            {
                if (value is null) continue;
                if (name.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
                {
                    try
                    {
                        metadata.Add(name, Convert.FromBase64String(PadBase64(value)));
                    }
                    catch (FormatException)
                    {
                        // A malformed binary header is dropped rather than failing the call.
                    }
                }
                else
                {
                    metadata.Add(name, value);
                }
            }
        }
        return metadata;
    }

    private static string PadBase64(string value) => (value.Length % 4) switch
    {
        2 => value + "==",
        3 => value + "=",
        _ => value,
    };

    /// <summary>One call: reads request messages and writes response messages in the gRPC framing.</summary>
    private sealed class CallScope<TRequest, TResponse>(GrpcDispatcher dispatcher, HttpContext http,
        Method<TRequest, TResponse> method, GrpcServerCallContext context) : IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>
        where TRequest : class where TResponse : class
    {
        public GrpcServerCallContext Context => context;

        public TRequest Current { get; private set; } = null!;

        public WriteOptions? WriteOptions { get; set; }

        public async Task<TRequest> ReadSingleAsync()
        {
            if (!await MoveNext(context.CancellationToken))
            {
                throw new RpcException(new Status(StatusCode.Internal, "The request message is missing."));
            }
            var request = Current;
            if (await MoveNext(context.CancellationToken))
            {
                throw new RpcException(new Status(StatusCode.Internal, "More than one request message for a unary call."));
            }
            return request;
        }

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var reader = http.Request.BodyReader;
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                if (TryReadFrame(ref buffer, out var payload))
                {
                    Current = method.RequestMarshaller.Deserializer(payload);
                    reader.AdvanceTo(buffer.Start);
                    return true;
                }
                if (result.IsCompleted)
                {
                    reader.AdvanceTo(buffer.End);
                    if (!buffer.IsEmpty) throw new RpcException(new Status(StatusCode.Internal, "Incomplete request message."));
                    return false;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }

        private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out byte[] payload)
        {
            payload = [];
            if (buffer.Length < 5) return false;
            Span<byte> header = stackalloc byte[5];
            buffer.Slice(0, 5).CopyTo(header);
            if (header[0] != 0)
            {
                throw new RpcException(new Status(StatusCode.Unimplemented, "Compressed request messages are not supported."));
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
            if (length > dispatcher._maxMessageBytes)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"Received message larger than max ({length} vs. {dispatcher._maxMessageBytes})"));
            }
            if (buffer.Length < 5 + length) return false;
            payload = buffer.Slice(5, length).ToArray();
            buffer = buffer.Slice(5 + length);
            return true;
        }

        public async Task WriteAsync(TResponse message) => await WriteAsync(message, context.CancellationToken);

        public async Task WriteAsync(TResponse message, CancellationToken cancellationToken)
        {
            var payload = method.ResponseMarshaller.Serializer(message);
            if (payload.Length > dispatcher._maxMessageBytes)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"Sending message larger than max ({payload.Length} vs. {dispatcher._maxMessageBytes})"));
            }
            var writer = http.Response.BodyWriter;
            var header = writer.GetSpan(5);
            header[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)payload.Length);
            writer.Advance(5);
            await writer.WriteAsync(payload, cancellationToken);
        }
    }

    private sealed class Binder(GrpcDispatcher dispatcher) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            if (handler is null) return;
            dispatcher.Register(method, async call =>
            {
                var request = await call.ReadSingleAsync();
                var response = await handler(request, call.Context);
                await call.WriteAsync(response);
            });
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (handler is null) return;
            dispatcher.Register(method, async call =>
            {
                var response = await handler(call, call.Context);
                await call.WriteAsync(response);
            });
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (handler is null) return;
            dispatcher.Register(method, async call =>
            {
                var request = await call.ReadSingleAsync();
                await handler(request, call, call.Context);
            });
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            if (handler is null) return;
            dispatcher.Register(method, call => handler(call, call, call.Context));
        }
    }
}
