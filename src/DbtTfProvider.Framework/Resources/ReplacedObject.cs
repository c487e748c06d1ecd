using System.Text.Json;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// The object a replacement replaces, carried from the first PlanResourceChange of a replacement to the second. Terraform
/// plans a replacement by asking twice: with the prior state (the answer requires replacement), then with a null prior
/// state and, as prior private state, the first answer's planned private state. The first records the replaced object's
/// id; the second takes it out again, so a create can tell its own predecessor from a namesake, and the new object's
/// private state never holds it.
/// </summary>
internal static class ReplacedObject
{
    /// <summary>Framework private-state key ("." keys are the framework's).</summary>
    private const string Key = ".replaces";

    /// <summary>In the first call, when the plan replaces the object: its id.</summary>
    public static void Record(string id, PrivateState privateState) =>
        privateState.SetRaw(Key, JsonSerializer.Serialize(id, PrivateStateJson.Default.String));

    /// <summary>In the second call: the replaced object's id, removed from the private state; null on a plain create.</summary>
    public static string? Take(PrivateState privateState)
    {
        var id = privateState.Get(Key);
        privateState.SetRaw(Key, null);
        return id;
    }
}
