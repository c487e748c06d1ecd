namespace DbtTfProvider.Plugin.Hosting;

/// <summary>The go-plugin handshake rules as Terraform applies them (ARCHITECTURE.md, "Start-up").</summary>
internal static class Handshake
{
    public const string MagicCookieKey = "TF_PLUGIN_MAGIC_COOKIE";
    public const string MagicCookieValue = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
    public const int CoreProtocolVersion = 1;
    public const int AppProtocolVersion = 6;

    public const string NotAPluginMessage =
        "This binary is a plugin. These are not meant to be executed directly.\n" +
        "Please execute the program that consumes these plugins, which will\n" +
        "load any plugins automatically\n";

    public static bool HasMagicCookie(string? cookie) => string.Equals(cookie, MagicCookieValue, StringComparison.Ordinal);

    /// <summary>Picks protocol 6 from PLUGIN_PROTOCOL_VERSIONS. Terraform lists versions in random order; an absent
    /// variable means the client predates negotiation and accepts the server's version.</summary>
    public static bool TryNegotiateVersion(string? offered, out int version, out string error)
    {
        version = AppProtocolVersion;
        error = "";
        if (string.IsNullOrWhiteSpace(offered)) return true;
        foreach (var part in offered.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, out var v) && v == AppProtocolVersion) return true;
        }
        error = $"Incompatible plugin protocol: Terraform offered versions \"{offered}\", this provider speaks only version {AppProtocolVersion}. " +
                "Use a Terraform release that supports plugin protocol 6 (Terraform 1.0 or newer).";
        return false;
    }

    /// <summary>CORE|APP|NETWORK|ADDR|PROTOCOL|CERT. The certificate is base64 of the DER without '=' padding
    /// (Go's RawStdEncoding): the padded form is rejected by the client.</summary>
    public static string FormatLine(string network, string address, byte[]? serverCertificateDer)
    {
        var cert = serverCertificateDer is null ? "" : Convert.ToBase64String(serverCertificateDer).TrimEnd('=');
        return $"{CoreProtocolVersion}|{AppProtocolVersion}|{network}|{address}|grpc|{cert}";
    }
}
