using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DbtTfProvider.Release.Tests;

/// <summary>The archives, checksums and manifest in the registry's layout, each holding a binary for its platform.</summary>
public sealed class ArchiveTests
{
    [Theory]
    [MemberData(nameof(Dist.TypesAndPlatforms), MemberType = typeof(Dist))]
    public void Each_archive_holds_one_executable_named_as_the_registry_expects_built_for_its_platform(string type, string platform)
    {
        using var zip = ZipFile.OpenRead(Dist.ZipPath(type, platform));

        var entry = Assert.Single(zip.Entries);
        Assert.Equal(Dist.ExecutableName(type, platform), entry.FullName);
        // rwxr-xr-x in the entry's unix mode, so the unpacked file runs without a chmod.
        Assert.Equal(0x1ED, (entry.ExternalAttributes >> 16) & 0x1FF);
        using var stream = entry.Open();
        var header = new byte[4096];
        stream.ReadExactly(header, 0, 512);
        Assert.Equal(ExpectedFormat(platform), BinaryFormat(header));
    }

    [Fact]
    public void Every_archive_entry_has_the_same_fixed_time_so_a_rebuild_of_the_commit_gives_the_same_zip()
    {
        var times = Dist.Types.SelectMany(t => Dist.Platforms.Select(p =>
        {
            using var zip = ZipFile.OpenRead(Dist.ZipPath(t, p));
            return zip.Entries.Single().LastWriteTime;
        })).Distinct().ToArray();

        Assert.Single(times);
    }

    [Theory]
    [InlineData("dbtcloud")]
    [InlineData("datafold")]
    public void SHA256SUMS_lists_every_archive_of_its_type_and_the_manifest_with_their_real_hashes(string type)
    {
        var prefix = $"terraform-provider-{type}_{Dist.Version}";
        var lines = File.ReadAllLines(Path.Combine(Dist.Directory, prefix + "_SHA256SUMS"));

        var listed = lines.Select(l => Regex.Match(l, "^([0-9a-f]{64})  (\\S+)$")).ToArray();
        Assert.All(listed, m => Assert.True(m.Success, "not a sha256sum line: " + m.Value));
        var expectedNames = Dist.Platforms.Select(p => Dist.ZipName(type, p)).Append(prefix + "_manifest.json").Order(StringComparer.Ordinal);
        Assert.Equal(expectedNames, listed.Select(m => m.Groups[2].Value).Order(StringComparer.Ordinal));
        foreach (var m in listed)
            Assert.Equal(Dist.Sha256(Path.Combine(Dist.Directory, m.Groups[2].Value)), m.Groups[1].Value);
    }

    [Theory]
    [InlineData("terraform-registry-manifest.json")]
    [InlineData("terraform-provider-dbtcloud_{0}_manifest.json")]
    [InlineData("terraform-provider-datafold_{0}_manifest.json")]
    public void Registry_manifest_declares_plugin_protocol_6(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dist.Directory, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, Dist.Version))));

        Assert.Equal(1, doc.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(["6.0"], doc.RootElement.GetProperty("metadata").GetProperty("protocol_versions").EnumerateArray().Select(v => v.GetString()));
    }

    private static string ExpectedFormat(string platform) => platform switch
    {
        "linux_amd64" => "elf x86_64",
        "linux_arm64" => "elf aarch64",
        "darwin_arm64" => "mach-o arm64",
        "darwin_amd64" => "mach-o x86_64",
        "windows_amd64" => "pe x86_64",
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    /// <summary>The executable format and CPU from the file's header (ELF e_machine, Mach-O cputype, PE machine).</summary>
    private static string BinaryFormat(byte[] h)
    {
        if (h is [0x7F, (byte)'E', (byte)'L', (byte)'F', ..])
        {
            return BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(18)) switch { 0x3E => "elf x86_64", 0xB7 => "elf aarch64", var m => $"elf machine {m:x}" };
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(h) == 0xFEEDFACF)
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(4)) switch { 0x0100000C => "mach-o arm64", 0x01000007 => "mach-o x86_64", var c => $"mach-o cpu {c:x}" };
        }
        if (h is [(byte)'M', (byte)'Z', ..])
        {
            var pe = BinaryPrimitives.ReadInt32LittleEndian(h.AsSpan(0x3C));
            Assert.True(h.AsSpan(pe, 4).SequenceEqual("PE\0\0"u8), "no PE signature");
            return BinaryPrimitives.ReadUInt16LittleEndian(h.AsSpan(pe + 4)) switch { 0x8664 => "pe x86_64", var m => $"pe machine {m:x}" };
        }
        return "unknown";
    }
}
