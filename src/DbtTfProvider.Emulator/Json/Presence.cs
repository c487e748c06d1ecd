namespace DbtTfProvider.Emulator.Json;

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
