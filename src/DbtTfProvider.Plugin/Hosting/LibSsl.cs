using System.Runtime.InteropServices;

namespace DbtTfProvider.Plugin.Hosting;

/// <summary>The libssl / libcrypto entry points the AutoMTLS server uses (<see cref="OpenSslServerContext"/>,
/// <see cref="OpenSslServerStream"/>, <see cref="OpenSslServerIdentity"/>), resolved once from the same OpenSSL the .NET runtime
/// uses (3.x, or 1.1.1).</summary>
internal static unsafe class LibSsl
{
    private static readonly (IntPtr Ssl, IntPtr Crypto) Libraries = Load();

    public static readonly delegate* unmanaged<IntPtr> TLS_server_method = (delegate* unmanaged<IntPtr>)Ssl("TLS_server_method");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> SSL_CTX_new = (delegate* unmanaged<IntPtr, IntPtr>)Ssl("SSL_CTX_new");
    public static readonly delegate* unmanaged<IntPtr, void> SSL_CTX_free = (delegate* unmanaged<IntPtr, void>)Ssl("SSL_CTX_free");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int> SSL_CTX_use_certificate = (delegate* unmanaged<IntPtr, IntPtr, int>)Ssl("SSL_CTX_use_certificate");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int> SSL_CTX_use_PrivateKey = (delegate* unmanaged<IntPtr, IntPtr, int>)Ssl("SSL_CTX_use_PrivateKey");
    public static readonly delegate* unmanaged<IntPtr, int> SSL_CTX_check_private_key = (delegate* unmanaged<IntPtr, int>)Ssl("SSL_CTX_check_private_key");
    public static readonly delegate* unmanaged<IntPtr, int, long, IntPtr, long> SSL_CTX_ctrl = (delegate* unmanaged<IntPtr, int, long, IntPtr, long>)Ssl("SSL_CTX_ctrl");
    public static readonly delegate* unmanaged<IntPtr, ulong, ulong> SSL_CTX_set_options = (delegate* unmanaged<IntPtr, ulong, ulong>)Ssl("SSL_CTX_set_options");
    public static readonly delegate* unmanaged<IntPtr, nuint, int> SSL_CTX_set_num_tickets = (delegate* unmanaged<IntPtr, nuint, int>)Ssl("SSL_CTX_set_num_tickets", optional: true);
    public static readonly delegate* unmanaged<IntPtr, int, delegate* unmanaged<int, IntPtr, int>, void> SSL_CTX_set_verify =
        (delegate* unmanaged<IntPtr, int, delegate* unmanaged<int, IntPtr, int>, void>)Ssl("SSL_CTX_set_verify");
    public static readonly delegate* unmanaged<IntPtr, delegate* unmanaged<IntPtr, byte**, byte*, byte*, uint, IntPtr, int>, IntPtr, void> SSL_CTX_set_alpn_select_cb =
        (delegate* unmanaged<IntPtr, delegate* unmanaged<IntPtr, byte**, byte*, byte*, uint, IntPtr, int>, IntPtr, void>)Ssl("SSL_CTX_set_alpn_select_cb");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> SSL_new = (delegate* unmanaged<IntPtr, IntPtr>)Ssl("SSL_new");
    public static readonly delegate* unmanaged<IntPtr, void> SSL_free = (delegate* unmanaged<IntPtr, void>)Ssl("SSL_free");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, IntPtr, void> SSL_set_bio = (delegate* unmanaged<IntPtr, IntPtr, IntPtr, void>)Ssl("SSL_set_bio");
    public static readonly delegate* unmanaged<IntPtr, void> SSL_set_accept_state = (delegate* unmanaged<IntPtr, void>)Ssl("SSL_set_accept_state");
    public static readonly delegate* unmanaged<IntPtr, int> SSL_do_handshake = (delegate* unmanaged<IntPtr, int>)Ssl("SSL_do_handshake");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, int> SSL_read = (delegate* unmanaged<IntPtr, byte*, int, int>)Ssl("SSL_read");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, int> SSL_write = (delegate* unmanaged<IntPtr, byte*, int, int>)Ssl("SSL_write");
    public static readonly delegate* unmanaged<IntPtr, int, int> SSL_get_error = (delegate* unmanaged<IntPtr, int, int>)Ssl("SSL_get_error");
    public static readonly delegate* unmanaged<IntPtr, byte**, uint*, void> SSL_get0_alpn_selected = (delegate* unmanaged<IntPtr, byte**, uint*, void>)Ssl("SSL_get0_alpn_selected");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> SSL_get_SSL_CTX = (delegate* unmanaged<IntPtr, IntPtr>)Ssl("SSL_get_SSL_CTX");
    public static readonly delegate* unmanaged<int> SSL_get_ex_data_X509_STORE_CTX_idx = (delegate* unmanaged<int>)Ssl("SSL_get_ex_data_X509_STORE_CTX_idx");

    public static readonly delegate* unmanaged<IntPtr> BIO_s_mem = (delegate* unmanaged<IntPtr>)Crypto("BIO_s_mem");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> BIO_new = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("BIO_new");
    public static readonly delegate* unmanaged<IntPtr, int> BIO_free = (delegate* unmanaged<IntPtr, int>)Crypto("BIO_free");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, int> BIO_read = (delegate* unmanaged<IntPtr, byte*, int, int>)Crypto("BIO_read");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, int> BIO_write = (delegate* unmanaged<IntPtr, byte*, int, int>)Crypto("BIO_write");
    public static readonly delegate* unmanaged<IntPtr, int, long, IntPtr, long> BIO_ctrl = (delegate* unmanaged<IntPtr, int, long, IntPtr, long>)Crypto("BIO_ctrl");
    public static readonly delegate* unmanaged<IntPtr, byte**, long, IntPtr> d2i_X509 = (delegate* unmanaged<IntPtr, byte**, long, IntPtr>)Crypto("d2i_X509");
    public static readonly delegate* unmanaged<IntPtr, byte**, int> i2d_X509 = (delegate* unmanaged<IntPtr, byte**, int>)Crypto("i2d_X509");
    public static readonly delegate* unmanaged<IntPtr, void> X509_free = (delegate* unmanaged<IntPtr, void>)Crypto("X509_free");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_STORE_CTX_get0_cert = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_STORE_CTX_get0_cert");
    public static readonly delegate* unmanaged<IntPtr, int, IntPtr> X509_STORE_CTX_get_ex_data = (delegate* unmanaged<IntPtr, int, IntPtr>)Crypto("X509_STORE_CTX_get_ex_data");
    public static readonly delegate* unmanaged<IntPtr, void> EVP_PKEY_free = (delegate* unmanaged<IntPtr, void>)Crypto("EVP_PKEY_free");
    // The server's own key and certificate (OpenSslServerIdentity).
    public static readonly delegate* unmanaged<int, IntPtr> EC_KEY_new_by_curve_name = (delegate* unmanaged<int, IntPtr>)Crypto("EC_KEY_new_by_curve_name");
    public static readonly delegate* unmanaged<IntPtr, int, void> EC_KEY_set_asn1_flag = (delegate* unmanaged<IntPtr, int, void>)Crypto("EC_KEY_set_asn1_flag");
    public static readonly delegate* unmanaged<IntPtr, int> EC_KEY_generate_key = (delegate* unmanaged<IntPtr, int>)Crypto("EC_KEY_generate_key");
    public static readonly delegate* unmanaged<IntPtr, void> EC_KEY_free = (delegate* unmanaged<IntPtr, void>)Crypto("EC_KEY_free");
    public static readonly delegate* unmanaged<IntPtr> EVP_PKEY_new = (delegate* unmanaged<IntPtr>)Crypto("EVP_PKEY_new");
    public static readonly delegate* unmanaged<IntPtr, int, IntPtr, int> EVP_PKEY_assign = (delegate* unmanaged<IntPtr, int, IntPtr, int>)Crypto("EVP_PKEY_assign");
    public static readonly delegate* unmanaged<IntPtr> EVP_sha256 = (delegate* unmanaged<IntPtr>)Crypto("EVP_sha256");
    public static readonly delegate* unmanaged<IntPtr> X509_new = (delegate* unmanaged<IntPtr>)Crypto("X509_new");
    public static readonly delegate* unmanaged<IntPtr, long, int> X509_set_version = (delegate* unmanaged<IntPtr, long, int>)Crypto("X509_set_version");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_get_serialNumber = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_get_serialNumber");
    public static readonly delegate* unmanaged<IntPtr, long, int> ASN1_INTEGER_set = (delegate* unmanaged<IntPtr, long, int>)Crypto("ASN1_INTEGER_set");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_getm_notBefore = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_getm_notBefore");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_getm_notAfter = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_getm_notAfter");
    public static readonly delegate* unmanaged<IntPtr, long, IntPtr> X509_gmtime_adj = (delegate* unmanaged<IntPtr, long, IntPtr>)Crypto("X509_gmtime_adj");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int> X509_set_pubkey = (delegate* unmanaged<IntPtr, IntPtr, int>)Crypto("X509_set_pubkey");
    public static readonly delegate* unmanaged<IntPtr, IntPtr> X509_get_subject_name = (delegate* unmanaged<IntPtr, IntPtr>)Crypto("X509_get_subject_name");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int> X509_set_issuer_name = (delegate* unmanaged<IntPtr, IntPtr, int>)Crypto("X509_set_issuer_name");
    public static readonly delegate* unmanaged<IntPtr, byte*, int, byte*, int, int, int, int> X509_NAME_add_entry_by_txt =
        (delegate* unmanaged<IntPtr, byte*, int, byte*, int, int, int, int>)Crypto("X509_NAME_add_entry_by_txt");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int, byte*, IntPtr> X509V3_EXT_conf_nid = (delegate* unmanaged<IntPtr, IntPtr, int, byte*, IntPtr>)Crypto("X509V3_EXT_conf_nid");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, int, int> X509_add_ext = (delegate* unmanaged<IntPtr, IntPtr, int, int>)Crypto("X509_add_ext");
    public static readonly delegate* unmanaged<IntPtr, void> X509_EXTENSION_free = (delegate* unmanaged<IntPtr, void>)Crypto("X509_EXTENSION_free");
    public static readonly delegate* unmanaged<IntPtr, IntPtr, IntPtr, int> X509_sign = (delegate* unmanaged<IntPtr, IntPtr, IntPtr, int>)Crypto("X509_sign");
    public static readonly delegate* unmanaged<void> ERR_clear_error = (delegate* unmanaged<void>)Crypto("ERR_clear_error");
    public static readonly delegate* unmanaged<ulong> ERR_get_error = (delegate* unmanaged<ulong>)Crypto("ERR_get_error");
    public static readonly delegate* unmanaged<ulong, byte*, nuint, void> ERR_error_string_n = (delegate* unmanaged<ulong, byte*, nuint, void>)Crypto("ERR_error_string_n");

    /// <summary>Whether the DER encoding of an X509* equals <paramref name="expected"/>.</summary>
    public static bool DerEquals(IntPtr x509, byte[] expected) =>
        i2d_X509(x509, null) == expected.Length && ToDer(x509).AsSpan().SequenceEqual(expected);

    /// <summary>The DER encoding of an X509*.</summary>
    public static byte[] ToDer(IntPtr x509)
    {
        var length = i2d_X509(x509, null);
        if (length <= 0) throw Error("i2d_X509");
        var buffer = new byte[length];
        fixed (byte* p = buffer)
        {
            var cursor = p;
            if (i2d_X509(x509, &cursor) != length) throw Error("i2d_X509");
        }
        return buffer;
    }

    /// <summary>An X509* parsed from DER (free it with X509_free), or zero when <paramref name="der"/> is not a certificate.</summary>
    public static IntPtr FromDer(byte[] der)
    {
        fixed (byte* p = der)
        {
            var cursor = p;
            return d2i_X509(IntPtr.Zero, &cursor, der.Length);
        }
    }

    /// <summary>The calling thread's OpenSSL error queue as text (emptied), or a generic phrase.</summary>
    public static string ErrorQueueText()
    {
        var parts = new List<string>();
        var buffer = stackalloc byte[256];
        for (var code = ERR_get_error(); code != 0; code = ERR_get_error())
        {
            ERR_error_string_n(code, buffer, 256);
            parts.Add(Marshal.PtrToStringUTF8((IntPtr)buffer) ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "the peer closed the connection or sent an unexpected message" : string.Join("; ", parts);
    }

    public static InvalidOperationException Error(string step) => new($"OpenSSL: {step} failed: {ErrorQueueText()}");

    private static (IntPtr, IntPtr) Load()
    {
        foreach (var version in new[] { "3", "1.1" })
        {
            if (NativeLibrary.TryLoad($"libssl.so.{version}", out var ssl) && NativeLibrary.TryLoad($"libcrypto.so.{version}", out var crypto))
                return (ssl, crypto);
        }
        throw new DllNotFoundException("OpenSSL (libssl.so.3 or libssl.so.1.1) was not found; the plugin server needs it for AutoMTLS.");
    }

    private static IntPtr Ssl(string name, bool optional = false) => Export(Libraries.Ssl, name, optional);

    private static IntPtr Crypto(string name) => Export(Libraries.Crypto, name, optional: false);

    private static IntPtr Export(IntPtr library, string name, bool optional) =>
        NativeLibrary.TryGetExport(library, name, out var address) ? address
        : optional ? IntPtr.Zero
        : throw new EntryPointNotFoundException($"OpenSSL has no {name}.");
}
