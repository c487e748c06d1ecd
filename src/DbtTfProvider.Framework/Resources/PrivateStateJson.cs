namespace DbtTfProvider.Framework.Resources;

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class PrivateStateJson : System.Text.Json.Serialization.JsonSerializerContext;
