using System.Text.Json.Nodes;

namespace DbtTfProvider.Emulator.Json;

/// <summary>Deep merge for out-of-band edits: objects merge key by key, anything else replaces.</summary>
internal static class JsonMerge
{
    public static void Into(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is JsonObject patchChild && target[key] is JsonObject targetChild)
            {
                Into(targetChild, patchChild);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
