using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.PlanModifiers;

public sealed class RequiresReplaceContext
{
    public required CtyPath Path { get; init; }
    public required CtyValue Config { get; init; }
    public required CtyValue Prior { get; init; }
    public required CtyValue Plan { get; init; }
}
