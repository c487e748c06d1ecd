using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>dbt Cloud validates with voluptuous; these are its messages.</summary>
internal sealed class DbtFieldMessages : IFieldMessages
{
    public static readonly DbtFieldMessages Instance = new();

    public (string Message, string Type) Missing => ("required key not provided", "missing");

    public (string Message, string Type) ExtraKey => ("extra keys not allowed", "extra");

    public (string Message, string Type) WrongType(JsonKind expected) => (expected switch
    {
        JsonKind.Integer => "expected int",
        JsonKind.String => "expected str",
        JsonKind.Boolean => "expected bool",
        JsonKind.Number => "expected float",
        JsonKind.List => "expected list",
        _ => "expected a dictionary",
    }, "type");

    public (string Message, string Type) NotOneOf(IReadOnlyList<string> allowed) =>
        (allowed.Count <= 6 ? $"value must be one of [{string.Join(", ", allowed.Select(a => $"'{a}'"))}]" : "not a valid value", "value");

    public (string Message, string Type) Invalid(string reason) => (reason, "value");
}
