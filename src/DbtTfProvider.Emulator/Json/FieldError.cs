namespace DbtTfProvider.Emulator.Json;

/// <summary>A validation failure at a path into the request body (object keys and list indexes).</summary>
internal sealed record FieldError(IReadOnlyList<object> Path, string Message, string Type);
