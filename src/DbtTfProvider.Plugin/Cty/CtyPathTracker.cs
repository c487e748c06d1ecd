namespace DbtTfProvider.Plugin.Cty;

/// <summary>
/// The path a codec is at, kept as a mutable stack so that walking a value allocates nothing; a <see cref="CtyPath"/>
/// is built only when an error needs one. Steps below a set element are dropped, as Terraform cannot address them.
/// </summary>
internal sealed class CtyPathTracker
{
    private enum StepKind : byte { Attribute, Index, Key, SetElement }

    private struct Step
    {
        public StepKind Kind;
        public string? Name;
        public long Index;
    }

    private Step[] _steps = new Step[8];
    private int _count;

    public void PushAttribute(string name) => Push(new Step { Kind = StepKind.Attribute, Name = name });
    public void PushIndex(long index) => Push(new Step { Kind = StepKind.Index, Index = index });
    public void PushKey(string key) => Push(new Step { Kind = StepKind.Key, Name = key });
    public void PushSetElement() => Push(new Step { Kind = StepKind.SetElement });
    public void Pop() => _count--;

    private void Push(Step step)
    {
        if (_count == _steps.Length) Array.Resize(ref _steps, _count * 2);
        _steps[_count++] = step;
    }

    public CtyPath ToPath()
    {
        var steps = new List<CtyPathStep>(_count);
        for (var i = 0; i < _count; i++)
        {
            var s = _steps[i];
            if (s.Kind == StepKind.SetElement) break;
            steps.Add(s.Kind switch
            {
                StepKind.Attribute => new CtyAttributeStep(s.Name!),
                StepKind.Key => new CtyKeyStep(s.Name!),
                _ => new CtyIndexStep(s.Index),
            });
        }
        return CtyPath.Of([.. steps]);
    }

    /// <summary>The path as Terraform renders it, noting when it stops at a set.</summary>
    public override string ToString()
    {
        var path = ToPath().ToString();
        for (var i = 0; i < _count; i++)
            if (_steps[i].Kind == StepKind.SetElement) return path + " (an element of the set)";
        return path;
    }
}
