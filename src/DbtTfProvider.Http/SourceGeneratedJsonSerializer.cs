using System.Buffers;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace DbtTfProvider.Http;

/// <summary>
/// Refit's content serializer over a source-generated <see cref="JsonSerializerContext"/>, reading and writing through
/// the context's non-generic <c>JsonTypeInfo</c>. Refit calls <see cref="FromHttpContentAsync{T}"/> as a generic
/// virtual method, which NativeAOT resolves at run time by building the method's generic dictionary, and everything
/// generic it calls, on first use per type: Refit's own serializer (async, generic all the way down) made that
/// milliseconds of every configured launch (bench/README.md, issue 22). Here the generic part is one type look-up and
/// one cast. Refit buffers an answer before it deserialises it, so reading it synchronously does no I/O.
/// </summary>
public sealed class SourceGeneratedJsonSerializer(JsonSerializerContext context) : IHttpContentSerializer
{
    public HttpContent ToHttpContent<T>(T item)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(item, TypeInfo(typeof(T))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        Task.FromResult((T?)Read(content, TypeInfo(typeof(T)), cancellationToken));

    /// <summary>
    /// A buffered answer is parsed from its bytes at once: System.Text.Json's stream reader takes its resumable path,
    /// slower per object, and an answer is a few kilobytes.
    /// </summary>
    private static object? Read(HttpContent content, JsonTypeInfo typeInfo, CancellationToken cancellationToken)
    {
        using var stream = content.ReadAsStream(cancellationToken);
        if (!stream.CanSeek || stream.Length > int.MaxValue)
            return JsonSerializer.Deserialize(stream, typeInfo);
        var length = (int)stream.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            stream.ReadExactly(buffer, 0, length);
            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Query and form names: the wire name the context gives the property.</summary>
    public string? GetFieldNameForProperty(PropertyInfo propertyInfo)
    {
        ArgumentNullException.ThrowIfNull(propertyInfo);
        return context.GetTypeInfo(propertyInfo.DeclaringType!)?.Properties
            .FirstOrDefault(p => p.AttributeProvider is PropertyInfo declared && declared.Name == propertyInfo.Name)?.Name;
    }

    private JsonTypeInfo TypeInfo(Type type) =>
        context.GetTypeInfo(type) ?? throw new NotSupportedException($"{type.Name} is not in {context.GetType().Name}: add [JsonSerializable(typeof({type.Name}))] to it");
}
