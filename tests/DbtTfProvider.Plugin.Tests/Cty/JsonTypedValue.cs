using System.Numerics;
using DbtTfProvider.Plugin.Cty;
using FsCheck;
using FsCheck.Fluent;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>A value that JSON can carry: no unknowns, no infinities.</summary>
public sealed record JsonTypedValue(CtyType Type, CtyValue Value)
{
    public override string ToString() => $"{Type} = {Value}";
}
