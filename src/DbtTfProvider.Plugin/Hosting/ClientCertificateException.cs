namespace DbtTfProvider.Plugin.Hosting;

/// <summary>PLUGIN_CLIENT_CERT is unusable: the plugin says so on stderr and exits before the handshake line.</summary>
internal sealed class ClientCertificateException(string message) : InvalidOperationException(message);
