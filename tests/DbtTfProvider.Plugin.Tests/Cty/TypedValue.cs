using System.Numerics;
using DbtTfProvider.Plugin.Cty;
using FsCheck;
using FsCheck.Fluent;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>A schema type and a value conforming to it; unknowns only where the codec under test can carry them.</summary>
public sealed record TypedValue(CtyType Type, CtyValue Value)
{
    public override string ToString() => $"{Type} = {Value}";
}
