using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// Writes Microsoft.Extensions.Logging entries to stderr as hclog JSON lines, which go-plugin parses and re-logs in
/// Terraform at their own level: {"@level","@message","@timestamp","@module", ...state and scope key/values}.
/// The timestamp must have exactly six fractional digits (Go layout 2006-01-02T15:04:05.000000Z07:00) or Terraform
/// treats the whole line as plain text.
/// </summary>
internal sealed class HclogLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    internal const string RootModule = "provider";
    private const string OriginalFormatKey = "{OriginalFormat}";

    private readonly Stream _output;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private IExternalScopeProvider? _scopes;

    public HclogLoggerProvider(Stream output, LogLevel minimumLevel)
    {
        _output = output;
        MinimumLevel = minimumLevel;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public LogLevel MinimumLevel { get; }

    public ILogger CreateLogger(string categoryName) =>
        new HclogLogger(this, string.IsNullOrEmpty(categoryName) ? RootModule : RootModule + "." + categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>Level names as TF_LOG takes them. Anything else that is set means TRACE, like Terraform itself
    /// ("1", "JSON", typos); unset means INFO; OFF silences the provider.</summary>
    public static LogLevel ParseLevel(string? tfLogProvider, string? tfLog)
    {
        var value = string.IsNullOrWhiteSpace(tfLogProvider) ? tfLog : tfLogProvider;
        if (string.IsNullOrWhiteSpace(value)) return LogLevel.Information;
        return value.Trim().ToUpperInvariant() switch
        {
            "TRACE" or "JSON" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" => LogLevel.Information,
            "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "OFF" => LogLevel.None,
            _ => LogLevel.Trace,
        };
    }

    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        _ => "error",
    };

    internal void Write<TState>(string module, LogLevel level, TState state, Exception? exception, string message)
    {
        lock (_gate)
        {
            _buffer.ResetWrittenCount();
            _json.Reset();
            _json.WriteStartObject();
            _json.WriteString("@level", LevelName(level));
            _json.WriteString("@message", message);
            Span<char> stamp = stackalloc char[40];
            DateTimeOffset.UtcNow.TryFormat(stamp, out var written, "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz");
            _json.WriteString("@timestamp", stamp[..written]);
            _json.WriteString("@module", module);
            _scopes?.ForEachScope(static (scope, writer) => WritePairs(writer, scope), _json);
            WritePairs(_json, state);
            if (exception is not null) _json.WriteString("error", exception.ToString());
            _json.WriteEndObject();
            _json.Flush();
            _buffer.Write("\n"u8);
            try
            {
                _output.Write(_buffer.WrittenSpan);
                _output.Flush();
            }
            catch (IOException)
            {
                // Terraform went away and closed our stderr: nothing left to tell.
            }
        }
    }

    private static void WritePairs(Utf8JsonWriter writer, object? state)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> pairs) return;
        foreach (var (key, value) in pairs)
        {
            if (key == OriginalFormatKey || key.StartsWith('@')) continue;
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            default: writer.WriteStringValue(value.ToString()); break;
        }
    }

    private sealed class HclogLogger(HclogLoggerProvider provider, string module) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Write(module, logLevel, state, exception, formatter(state, exception));
        }
    }
}
