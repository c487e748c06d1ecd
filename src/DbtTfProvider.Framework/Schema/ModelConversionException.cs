using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Schema;

/// <summary>A value in configuration, plan or state that does not fit its model field (e.g. 1.5 for a whole number).</summary>
public sealed class ModelConversionException(CtyPath path, string message) : Exception(message)
{
    public CtyPath Path { get; } = path;
}
