using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// A minimal gRPC server over Kestrel's HTTP/2 (the gRPC-over-HTTP/2 wire format: length-prefixed messages,
/// grpc-status trailers). Methods are mapped with their concrete message types. Binding through the generated
/// BindService goes through ServiceBinderBase.AddMethod, a generic virtual method, and NativeAOT builds each such
/// instantiation with its run-time type loader: with Grpc.AspNetCore's reflection-based binding on top, that was
/// most of the provider's start-up time.
/// </summary>
internal sealed class GrpcDispatcher
{
    private const string GrpcContentType = "application/grpc";
    private readonly Dictionary<string, Func<HttpContext, Task>> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MethodType> _kinds = new(StringComparer.Ordinal);
    private readonly int _maxMessageBytes;
    private readonly ILogger _logger;
    private readonly long _startedAt;

    /// <param name="startedAt">Stopwatch timestamp the trace log's per-call times count from (the host's start).</param>
    public GrpcDispatcher(int maxMessageBytes, ILogger logger, long startedAt = 0)
    {
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
        _startedAt = startedAt == 0 ? Stopwatch.GetTimestamp() : startedAt;
    }

    /// <summary>The mapped paths ("/package.Service/Method") with their kind, for coverage checks.</summary>
    internal IReadOnlyDictionary<string, MethodType> Routes => _kinds;

    public void MapUnary<TRequest, TResponse>(string service, string method, MessageParser<TRequest> parser,
        Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        Register<TRequest, TResponse>(service, method, MethodType.Unary, parser, async call =>
        {
            var request = await call.ReadSingleAsync();
            var response = await handler(request, call.Context);
            await call.WriteAsync(response);
        });

    public void MapServerStreaming<TRequest, TResponse>(string service, string method, MessageParser<TRequest> parser,
        Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        Register<TRequest, TResponse>(service, method, MethodType.ServerStreaming, parser, async call =>
        {
            var request = await call.ReadSingleAsync();
            await handler(request, call, call.Context);
        });

    public void MapClientStreaming<TRequest, TResponse>(string service, string method, MessageParser<TRequest> parser,
        Func<IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        Register<TRequest, TResponse>(service, method, MethodType.ClientStreaming, parser, async call =>
        {
            var response = await handler(call, call.Context);
            await call.WriteAsync(response);
        });

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var handler = _methods.GetValueOrDefault(path);
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

    private void Register<TRequest, TResponse>(string service, string method, MethodType kind, MessageParser<TRequest> parser,
        Func<CallScope<TRequest, TResponse>, Task> invoke)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var path = "/" + service + "/" + method;
        _kinds.Add(path, kind);
        _methods.Add(path, http => InvokeAsync(http, path, method, parser, invoke));
    }

    private async Task InvokeAsync<TRequest, TResponse>(HttpContext http, string path, string method,
        MessageParser<TRequest> parser, Func<CallScope<TRequest, TResponse>, Task> invoke)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var received = Stopwatch.GetTimestamp();
        var timeout = ParseTimeout(http.Request.Headers["grpc-timeout"]);
        using var deadline = timeout is { } t ? new CancellationTokenSource(t) : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadline.Token);
        var cancellation = linked?.Token ?? http.RequestAborted;
        var context = new GrpcServerCallContext(http, path, ReadMetadata(http.Request.Headers),
            timeout is { } d ? DateTime.UtcNow + d : DateTime.MaxValue, cancellation);

        http.Response.ContentType = GrpcContentType;
        var scope = new CallScope<TRequest, TResponse>(this, http, parser, context);
        Status status;
        try
        {
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
            _logger.LogError(e, "unhandled exception in {tf_rpc}", method);
            status = new Status(StatusCode.Unknown, "Exception was thrown by handler.");
        }

        // Where a launch's time goes (bench/README.md): each call's own time and when it came, from the host's start.
        if (_logger.IsEnabled(LogLevel.Trace))
            _logger.LogTrace("{tf_rpc} answered in {duration_ms:F2} ms, received {received_ms:F2} ms after start", method,
                Stopwatch.GetElapsedTime(received).TotalMilliseconds, Stopwatch.GetElapsedTime(_startedAt, received).TotalMilliseconds);
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
        MessageParser<TRequest> parser, GrpcServerCallContext context) : IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
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
                    try
                    {
                        Current = parser.ParseFrom(payload);
                    }
                    catch (InvalidProtocolBufferException e)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "Malformed request message: " + e.Message));
                    }
                    finally
                    {
                        reader.AdvanceTo(buffer.Start);
                    }
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

        private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> payload)
        {
            payload = default;
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
            payload = buffer.Slice(5, length);
            buffer = buffer.Slice(5 + length);
            return true;
        }

        public async Task WriteAsync(TResponse message) => await WriteAsync(message, context.CancellationToken);

        public async Task WriteAsync(TResponse message, CancellationToken cancellationToken)
        {
            var length = message.CalculateSize();
            if (length > dispatcher._maxMessageBytes)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"Sending message larger than max ({length} vs. {dispatcher._maxMessageBytes})"));
            }
            var writer = http.Response.BodyWriter;
            var header = writer.GetSpan(5);
            header[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
            writer.Advance(5);
            message.WriteTo(writer);
            await writer.FlushAsync(cancellationToken);
        }
    }
}
