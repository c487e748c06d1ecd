namespace DbtTfProvider.Emulator.Json;

/// <summary>How one API words its validation failures: dbt Cloud speaks voluptuous, Datafold speaks pydantic.</summary>
internal interface IFieldMessages
{
    (string Message, string Type) Missing { get; }
    (string Message, string Type) ExtraKey { get; }
    (string Message, string Type) WrongType(JsonKind expected);
    (string Message, string Type) NotOneOf(IReadOnlyList<string> allowed);
    (string Message, string Type) Invalid(string reason);
}
