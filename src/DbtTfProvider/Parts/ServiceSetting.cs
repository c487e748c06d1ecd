namespace DbtTfProvider.Parts;

/// <summary>
/// One provider setting as messages name it: the attribute, its environment variable, and, for a setting configure
/// cannot do without, what it is (<see cref="Noun"/>, for "Missing dbt Cloud token") and what to set it to.
/// </summary>
public sealed record ServiceSetting(string Name, string EnvironmentVariable, string Noun = "", string Meaning = "")
{
    /// <summary>"token (or DBT_CLOUD_TOKEN)": how a message points at the setting wherever its value came from.</summary>
    public string WithVariable => $"{Name} (or {EnvironmentVariable})";
}
