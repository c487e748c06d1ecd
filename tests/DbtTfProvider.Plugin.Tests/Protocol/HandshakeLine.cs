using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace DbtTfProvider.Plugin.Tests.Protocol;

/// <summary>go-plugin's handshake line: CORE|APP|NETWORK|ADDR|PROTOCOL|CERT.</summary>
internal sealed record HandshakeLine(string[] Fields)
{
    public string Network => Fields[2];

    public string Address => Fields[3];

    public string CertificateField => Fields[5];

    public byte[]? ServerCertificateDer => CertificateField.Length == 0 ? null : Convert.FromBase64String(Pad(CertificateField));

    public static HandshakeLine Parse(string line) => new(line.Split('|'));

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
}
