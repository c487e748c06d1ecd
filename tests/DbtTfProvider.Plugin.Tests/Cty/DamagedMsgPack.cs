using System.Numerics;
using DbtTfProvider.Plugin.Cty;
using FsCheck;
using FsCheck.Fluent;

namespace DbtTfProvider.Plugin.Tests.Cty;

/// <summary>A valid msgpack encoding of some value, then damaged: bytes flipped, dropped, inserted or cut.</summary>
public sealed record DamagedMsgPack(CtyType Type, byte[] Bytes)
{
    public override string ToString() => $"{Type}: {Convert.ToHexString(Bytes)}";
}
