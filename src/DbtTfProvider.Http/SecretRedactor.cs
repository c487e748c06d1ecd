using System.Text.Encodings.Web;
using System.Text.Json;

namespace DbtTfProvider.Http;

/// <summary>
/// The secrets one provider process holds (configured credentials, and secrets a client sent, such as a token put into
/// a request body), and their removal from text a service supplied: a service may echo a credential or a request
/// field in an error message, and that message goes on into diagnostics and logs. Thread-safe; secrets are only added.
/// </summary>
/// <remarks>
/// Besides the secret as it is, the forms it takes inside JSON string escapes and URL encoding are replaced too, so
/// that an echo inside text that quotes a request body is caught as well.
/// </remarks>
public sealed class SecretRedactor
{
    public const string Replacement = "(redacted)";

    private static readonly JavaScriptEncoder[] JsonEncoders = [JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping];

    private readonly Lock _gate = new();
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private volatile string[] _patterns = [];

    /// <summary>True once a secret is known: until then <see cref="Redact"/> returns its input.</summary>
    public bool HasSecrets => _patterns.Length > 0;

    /// <summary>Adds a secret; null, empty and already known values are ignored.</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) return;
        lock (_gate)
        {
            if (!_secrets.Add(secret)) return;
            var patterns = new HashSet<string>(_patterns, StringComparer.Ordinal) { secret, Uri.EscapeDataString(secret) };
            foreach (var encoder in JsonEncoders)
                patterns.Add(JsonEncodedText.Encode(secret, encoder).Value);
            _patterns = [.. patterns.OrderByDescending(p => p.Length)];
        }
    }

    /// <summary><paramref name="text"/> with every occurrence of a secret replaced by <see cref="Replacement"/>.</summary>
    public string Redact(string text)
    {
        var patterns = _patterns;
        if (patterns.Length == 0 || text.Length == 0) return text;
        bool[]? covered = null;
        foreach (var pattern in patterns)
        {
            for (var at = text.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = text.IndexOf(pattern, at + 1, StringComparison.Ordinal))
            {
                covered ??= new bool[text.Length];
                Array.Fill(covered, true, at, pattern.Length);
            }
        }
        if (covered is null) return text;
        var result = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!covered[i]) result.Append(text[i]);
            else if (i == 0 || !covered[i - 1]) result.Append(Replacement);
        }
        return result.ToString();
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>
    /// A response body with every secret replaced: a JSON body string by string (property names included), so that it
    /// stays JSON with the same shape; anything else as UTF-8 text. Returns <paramref name="body"/> itself when it holds
    /// no secret.
    /// </summary>
    public byte[] RedactBody(byte[] body)
    {
        if (!HasSecrets || body.Length == 0) return body;
        try
        {
            return RedactJson(body) ?? body;
        }
        catch (JsonException)
        {
            var text = System.Text.Encoding.UTF8.GetString(body);
            var redacted = Redact(text);
            return ReferenceEquals(redacted, text) ? body : System.Text.Encoding.UTF8.GetBytes(redacted);
        }
    }

    /// <summary>The JSON document rewritten with secrets replaced, or null when it holds none.</summary>
    private byte[]? RedactJson(byte[] body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        using var output = new MemoryStream(body.Length);
        var changed = false;
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false }))
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(RedactString(ref reader, ref changed)); break;
                    case JsonTokenType.String: writer.WriteStringValue(RedactString(ref reader, ref changed)); break;
                    case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                    case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case JsonTokenType.Null: writer.WriteNullValue(); break;
                }
            }
        }
        return changed ? output.ToArray() : null;
    }

    private string RedactString(ref Utf8JsonReader reader, ref bool changed)
    {
        var text = reader.GetString() ?? "";
        var redacted = Redact(text);
        if (!ReferenceEquals(redacted, text)) changed = true;
        return redacted;
    }
}
