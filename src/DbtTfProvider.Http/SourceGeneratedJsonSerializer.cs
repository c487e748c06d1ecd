using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        using var stream = content.ReadAsStream(cancellationToken);
        return Task.FromResult((T?)JsonSerializer.Deserialize(stream, TypeInfo(typeof(T))));
    }

    /// <summary>Query and form names: the wire name the context gives the property.</summary>
    public string? GetFieldNameForProperty(PropertyInfo propertyInfo)
    {
        ArgumentNullException.ThrowIfNull(propertyInfo);
        return context.GetTypeInfo(propertyInfo.DeclaringType!)?.Properties
            .FirstOrDefault(p => p.AttributeProvider is PropertyInfo declared && declared.Name == propertyInfo.Name)?.Name;
    }

    private System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfo(Type type) =>
        context.GetTypeInfo(type) ?? throw new NotSupportedException($"{type.Name} is not in {context.GetType().Name}: add [JsonSerializable(typeof({type.Name}))] to it");
}
