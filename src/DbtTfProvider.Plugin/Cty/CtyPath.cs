namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// An immutable path such as <c>service_token_permissions</c> or <c>sampling.tolerance</c>. Set elements cannot be
/// addressed in Terraform's protocol, so paths that reach into a set stop at the set.
/// </summary>
public sealed class CtyPath : IEquatable<CtyPath>
{
    public static readonly CtyPath Root = new([]);

    private readonly CtyPathStep[] _steps;
    private CtyPath(CtyPathStep[] steps) => _steps = steps;

    public IReadOnlyList<CtyPathStep> Steps => _steps;
    public bool IsRoot => _steps.Length == 0;

    public static CtyPath Attribute(string name) => Root.Attr(name);
    public static CtyPath Of(params CtyPathStep[] steps) => new(steps.ToArray());

    public CtyPath Attr(string name) => Append(new CtyAttributeStep(name));
    public CtyPath Index(long index) => Append(new CtyIndexStep(index));
    public CtyPath Key(string key) => Append(new CtyKeyStep(key));
    public CtyPath Append(CtyPathStep step) => new([.. _steps, step]);

    public bool StartsWith(CtyPath prefix) =>
        prefix._steps.Length <= _steps.Length && prefix._steps.AsSpan().SequenceEqual(_steps.AsSpan(0, prefix._steps.Length));

    public bool Equals(CtyPath? other) => other is not null && _steps.AsSpan().SequenceEqual(other._steps);
    public override bool Equals(object? obj) => obj is CtyPath p && Equals(p);
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var s in _steps) h.Add(s);
        return h.ToHashCode();
    }

    /// <summary>Terraform-style rendering: <c>sampling.tolerance</c>, <c>execute_steps[0]</c>.</summary>
    public override string ToString() => _steps.Length == 0 ? "(root)" : string.Concat(_steps.Select(s => s.ToString())).TrimStart('.');
}
