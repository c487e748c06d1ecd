namespace DbtTfProvider.Emulator.Json;

/// <summary>The JSON kinds a field can demand.</summary>
internal enum JsonKind { Integer, String, Boolean, Number, List, Object }

/// <summary>Whether a field may be left out or sent as null.</summary>
internal enum Presence
{
    /// <summary>Must be present and not null.</summary>
    Required,
    /// <summary>May be left out (default applies) but not sent as null.</summary>
    Optional,
    /// <summary>May be left out or sent as null.</summary>
    Nullable,
}

/// <summary>A validation failure at a path into the request body (object keys and list indexes).</summary>
internal sealed record FieldError(IReadOnlyList<object> Path, string Message, string Type);

/// <summary>How one API words its validation failures: dbt Cloud speaks voluptuous, Datafold speaks pydantic.</summary>
internal interface IFieldMessages
{
    (string Message, string Type) Missing { get; }
    (string Message, string Type) ExtraKey { get; }
    (string Message, string Type) WrongType(JsonKind expected);
    (string Message, string Type) NotOneOf(IReadOnlyList<string> allowed);
    (string Message, string Type) Invalid(string reason);
}
