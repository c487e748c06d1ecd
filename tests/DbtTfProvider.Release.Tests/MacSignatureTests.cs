using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DbtTfProvider.Release.Tests;

/// <summary>
/// macOS kills an arm64 executable without a valid code signature, and Gatekeeper needs at least an ad-hoc one to
/// say anything useful. The .NET SDK signs ad hoc when it publishes for macOS, also on Linux; this checks the
/// signature the way the kernel does: the CodeDirectory's page hashes match the bytes they cover, and they cover
/// the whole file up to the signature.
/// </summary>
public sealed class MacSignatureTests
{
    private const uint LcCodeSignature = 0x1D;
    private const uint CsAdhoc = 0x2;

    public static IEnumerable<object[]> MacArchives() =>
        from t in Dist.Types from p in new[] { "darwin_arm64", "darwin_amd64" } select new object[] { t, p };

    [Theory]
    [MemberData(nameof(MacArchives))]
    public void Mac_executables_carry_a_valid_ad_hoc_signature_over_the_whole_file(string type, string platform)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("dbttf-mac-").FullName;
        try
        {
            var file = File.ReadAllBytes(Dist.Extract(type, platform, dir));

            var (dataOffset, dataSize) = CodeSignatureCommand(file);
            Assert.Equal(file.Length, dataOffset + dataSize);
            var blob = file.AsMemory(dataOffset, dataSize);
            Assert.Equal(0xFADE0CC0u, BE32(blob.Span, 0)); // embedded signature superblob
            var count = (int)BE32(blob.Span, 8);
            var directory = Enumerable.Range(0, count)
                .Select(i => (Type: BE32(blob.Span, 12 + i * 8), Offset: (int)BE32(blob.Span, 16 + i * 8)))
                .Single(s => s.Type == 0).Offset; // CSSLOT_CODEDIRECTORY
            var cd = blob.Span[directory..];
            Assert.Equal(0xFADE0C02u, BE32(cd, 0));
            Assert.True((BE32(cd, 12) & CsAdhoc) != 0, "the signature is not ad hoc");
            var hashOffset = (int)BE32(cd, 16);
            var codeSlots = (int)BE32(cd, 28);
            var codeLimit = (int)BE32(cd, 32);
            var hashSize = cd[36];
            var hashType = cd[37];
            var pageSize = 1 << cd[39];
            Assert.Equal(dataOffset, codeLimit);
            Assert.Equal((codeLimit + pageSize - 1) / pageSize, codeSlots);
            Assert.Equal((byte)2, hashType); // SHA-256
            Assert.Equal((byte)32, hashSize);
            for (var slot = 0; slot < codeSlots; slot++)
            {
                var start = slot * pageSize;
                var page = file.AsSpan(start, Math.Min(pageSize, codeLimit - start));
                Assert.True(SHA256.HashData(page).AsSpan().SequenceEqual(cd.Slice(hashOffset + slot * hashSize, hashSize)),
                    $"page {slot} of {codeSlots} does not match its hash in the CodeDirectory");
            }
            var identifier = cd[(int)BE32(cd, 20)..];
            Assert.StartsWith("terraform-provider-", Encoding.ASCII.GetString(identifier[..identifier.IndexOf((byte)0)]));
        }
        finally
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>LC_CODE_SIGNATURE's dataoff and datasize from a 64-bit Mach-O's load commands.</summary>
    private static (int Offset, int Size) CodeSignatureCommand(byte[] file)
    {
        Assert.Equal(0xFEEDFACFu, BinaryPrimitives.ReadUInt32LittleEndian(file));
        var commands = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16));
        var at = 32;
        for (var i = 0; i < commands; i++)
        {
            var cmd = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at));
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 4));
            if (cmd == LcCodeSignature)
                return ((int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8)), (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12)));
            at += size;
        }
        throw new Xunit.Sdk.XunitException("no LC_CODE_SIGNATURE: the executable is unsigned and an arm64 Mac will not run it");
    }

    private static uint BE32(ReadOnlySpan<byte> span, int offset) => BinaryPrimitives.ReadUInt32BigEndian(span[offset..]);
}
