using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Validators;

/// <summary>
/// A string check written inline: <c>check</c> returns null when the value is fine, otherwise the sentence that
/// completes "ATTRIBUTE ..." (e.g. "must be a five-field cron expression: …").
/// </summary>
public sealed class StringValidator(string description, Func<string, string?> check) : KnownValueValidator
{
    public override string Description { get; } = description;

    protected override void ValidateKnown(CtyValue value, AttributeValidationContext context)
    {
        if (check(value.AsString()) is { } problem)
            context.AddError("Invalid attribute value", $"{context.AttributeName} {problem}");
    }
}
