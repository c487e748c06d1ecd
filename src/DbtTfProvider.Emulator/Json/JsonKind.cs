namespace DbtTfProvider.Emulator.Json;

/// <summary>The JSON kinds a field can demand.</summary>
internal enum JsonKind { Integer, String, Boolean, Number, List, Object }
