namespace DbtTfProvider.Plugin.Hosting;

/// <summary>
/// The AutoMTLS server's one-off key and self-signed certificate, made with libcrypto directly (the same template as
/// <see cref="AutoMtls.CreateServerCertificate"/>). The certificate is on the path to the handshake line, and the
/// .NET route to it first initialises .NET's whole OpenSSL layer (several hundred symbol look-ups) and encodes the
/// certificate in managed ASN.1: about 3 ms of every launch before Terraform can connect (bench/README.md). Here it
/// is a key generation and one signature, and a launch that only answers Terraform over AutoMTLS never starts
/// .NET's cryptography.
/// </summary>
internal sealed unsafe class OpenSslServerIdentity : IDisposable
{
    // Stable ABI numbers from OpenSSL's obj_mac.h / evp.h / ec.h / x509v3.h (the same in 1.1.1 and 3.x).
    private const int NidPrimeP256 = 415;
    private const int EvpPkeyEc = 408;
    private const int OpenSslEcNamedCurve = 1;
    private const int NidKeyUsage = 83;
    private const int NidSubjectAltName = 85;
    private const int NidBasicConstraints = 87;
    private const int NidExtKeyUsage = 126;
    private const int MbstringAsc = 0x1001;
    private const long ValidForSeconds = 262980L * 3600;

    private IntPtr _certificate;
    private IntPtr _key;

    private OpenSslServerIdentity(IntPtr certificate, IntPtr key, byte[] der)
    {
        _certificate = certificate;
        _key = key;
        Der = der;
    }

    /// <summary>The certificate's DER encoding, as the handshake line carries it.</summary>
    public byte[] Der { get; }

    /// <summary>The X509* (owned here; SSL_CTX_use_certificate takes its own reference).</summary>
    public IntPtr Certificate => _certificate;

    /// <summary>The EVP_PKEY* (owned here; SSL_CTX_use_PrivateKey takes its own reference).</summary>
    public IntPtr Key => _key;

    /// <summary>A P-256 key and go-plugin's certificate template: CN=localhost and SAN DNS:localhost (the client checks
    /// ServerName "localhost"), serverAuth and clientAuth, CA so the client can use it as its own root, valid from 30 s
    /// ago (clock skew) for about 30 years.</summary>
    public static OpenSslServerIdentity Create()
    {
        var key = CreateKey();
        var x509 = LibSsl.X509_new();
        try
        {
            if (x509 == IntPtr.Zero) throw LibSsl.Error("X509_new");
            Check(LibSsl.X509_set_version(x509, 2), "X509_set_version");
            Check(LibSsl.ASN1_INTEGER_set(LibSsl.X509_get_serialNumber(x509), Random.Shared.NextInt64(1, long.MaxValue)), "setting the serial number");
            if (LibSsl.X509_gmtime_adj(LibSsl.X509_getm_notBefore(x509), -30) == IntPtr.Zero ||
                LibSsl.X509_gmtime_adj(LibSsl.X509_getm_notAfter(x509), ValidForSeconds) == IntPtr.Zero)
                throw LibSsl.Error("setting the validity");
            Check(LibSsl.X509_set_pubkey(x509, key), "X509_set_pubkey");
            var name = LibSsl.X509_get_subject_name(x509);
            AddNameEntry(name, "O"u8, "HashiCorp"u8);
            AddNameEntry(name, "CN"u8, "localhost"u8);
            Check(LibSsl.X509_set_issuer_name(x509, name), "X509_set_issuer_name");
            AddExtension(x509, NidSubjectAltName, "DNS:localhost"u8);
            AddExtension(x509, NidKeyUsage, "critical,digitalSignature,keyEncipherment,keyAgreement,keyCertSign"u8);
            AddExtension(x509, NidExtKeyUsage, "serverAuth,clientAuth"u8);
            AddExtension(x509, NidBasicConstraints, "critical,CA:TRUE"u8);
            if (LibSsl.X509_sign(x509, key, LibSsl.EVP_sha256()) <= 0) throw LibSsl.Error("X509_sign");
            return new OpenSslServerIdentity(x509, key, LibSsl.ToDer(x509));
        }
        catch
        {
            if (x509 != IntPtr.Zero) LibSsl.X509_free(x509);
            LibSsl.EVP_PKEY_free(key);
            throw;
        }
    }

    /// <summary>Whether <paramref name="der"/> parses as an X.509 certificate; <paramref name="problem"/> says why not.</summary>
    public static bool IsCertificate(byte[] der, out string problem)
    {
        LibSsl.ERR_clear_error();
        var x509 = LibSsl.FromDer(der);
        if (x509 == IntPtr.Zero)
        {
            problem = LibSsl.ErrorQueueText();
            return false;
        }
        LibSsl.X509_free(x509);
        problem = "";
        return true;
    }

    public void Dispose()
    {
        var certificate = Interlocked.Exchange(ref _certificate, IntPtr.Zero);
        if (certificate != IntPtr.Zero) LibSsl.X509_free(certificate);
        var key = Interlocked.Exchange(ref _key, IntPtr.Zero);
        if (key != IntPtr.Zero) LibSsl.EVP_PKEY_free(key);
    }

    private static IntPtr CreateKey()
    {
        var ec = LibSsl.EC_KEY_new_by_curve_name(NidPrimeP256);
        if (ec == IntPtr.Zero) throw LibSsl.Error("EC_KEY_new_by_curve_name");
        LibSsl.EC_KEY_set_asn1_flag(ec, OpenSslEcNamedCurve);
        var key = LibSsl.EVP_PKEY_new();
        if (LibSsl.EC_KEY_generate_key(ec) != 1 || key == IntPtr.Zero || LibSsl.EVP_PKEY_assign(key, EvpPkeyEc, ec) != 1)
        {
            if (key != IntPtr.Zero) LibSsl.EVP_PKEY_free(key);
            LibSsl.EC_KEY_free(ec);
            throw LibSsl.Error("generating the P-256 key");
        }
        return key;
    }

    private static void AddNameEntry(IntPtr name, ReadOnlySpan<byte> field, ReadOnlySpan<byte> value)
    {
        Span<byte> fieldZ = stackalloc byte[field.Length + 1];
        field.CopyTo(fieldZ);
        fixed (byte* f = fieldZ)
        fixed (byte* v = value)
        {
            Check(LibSsl.X509_NAME_add_entry_by_txt(name, f, MbstringAsc, v, value.Length, -1, 0), "X509_NAME_add_entry_by_txt");
        }
    }

    private static void AddExtension(IntPtr x509, int nid, ReadOnlySpan<byte> value)
    {
        Span<byte> valueZ = stackalloc byte[value.Length + 1];
        value.CopyTo(valueZ);
        IntPtr extension;
        fixed (byte* v = valueZ) extension = LibSsl.X509V3_EXT_conf_nid(IntPtr.Zero, IntPtr.Zero, nid, v);
        if (extension == IntPtr.Zero) throw LibSsl.Error("X509V3_EXT_conf_nid");
        try
        {
            Check(LibSsl.X509_add_ext(x509, extension, -1), "X509_add_ext");
        }
        finally
        {
            LibSsl.X509_EXTENSION_free(extension);
        }
    }

    private static void Check(int result, string step)
    {
        if (result != 1) throw LibSsl.Error(step);
    }
}
