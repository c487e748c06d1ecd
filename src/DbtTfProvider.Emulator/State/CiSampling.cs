using System.Text.Json.Serialization;

namespace DbtTfProvider.Emulator.State;

/// <summary>Sampling settings; a value that was left out is left out of answers too.</summary>
internal sealed class CiSampling
{
    public bool Enabled { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Tolerance { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Confidence { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Threshold { get; set; }
}
