using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.Datafold;

/// <summary>Datafold is FastAPI: pydantic v2's messages and error types.</summary>
internal sealed class DatafoldFieldMessages : IFieldMessages
{
    public static readonly DatafoldFieldMessages Instance = new();

    public (string Message, string Type) Missing => ("Field required", "missing");

    public (string Message, string Type) ExtraKey => ("Extra inputs are not permitted", "extra_forbidden");

    public (string Message, string Type) WrongType(JsonKind expected) => expected switch
    {
        JsonKind.Integer => ("Input should be a valid integer", "int_type"),
        JsonKind.String => ("Input should be a valid string", "string_type"),
        JsonKind.Boolean => ("Input should be a valid boolean", "bool_type"),
        JsonKind.Number => ("Input should be a valid number", "float_type"),
        JsonKind.List => ("Input should be a valid list", "list_type"),
        _ => ("Input should be a valid dictionary or object to extract fields from", "model_attributes_type"),
    };

    public (string Message, string Type) NotOneOf(IReadOnlyList<string> allowed)
    {
        var quoted = allowed.Select(a => $"'{a}'").ToList();
        var list = quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted.SkipLast(1))} or {quoted[^1]}";
        return ($"Input should be {list}", "literal_error");
    }

    public (string Message, string Type) Invalid(string reason) => (reason, "value_error");
}
