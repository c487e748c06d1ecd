namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// Raised when bytes from Terraform (msgpack or JSON) do not decode as a value of the expected type. The path says
/// where in the value the problem is, so the protocol adapter can turn it into a diagnostic instead of a crash.
/// </summary>
public sealed class CtyDecodeException(CtyPath path, string message) : Exception(message)
{
    public CtyPath Path { get; } = path;
}
