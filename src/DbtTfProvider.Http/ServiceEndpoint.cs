using System.Net;

namespace DbtTfProvider.Http;

/// <summary>A client option with a value that cannot work; <see cref="OptionName"/> is the provider-facing name (e.g. host_url).</summary>
public sealed class ClientOptionsException(string optionName, string message) : Exception(message)
{
    public string OptionName { get; } = optionName;
}

/// <summary>Checks and normalises a service's base URL.</summary>
public static class ServiceEndpoint
{
    /// <summary>
    /// Parses <paramref name="value"/> as an absolute http(s) URL without query or fragment, with the trailing slashes
    /// removed (so that "{base}/v2/..." never has "//"). Plain http is accepted only for loopback hosts: a token sent
    /// in clear text over a network could be read by anyone on the path.
    /// </summary>
    public static Uri Normalize(string? value, string optionName)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
            throw new ClientOptionsException(optionName, $"{optionName} must not be empty");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ClientOptionsException(optionName, $"{optionName} \"{text}\" is not an absolute https:// URL");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new ClientOptionsException(optionName, $"{optionName} \"{text}\" must not have a query or fragment");
        if (uri.UserInfo.Length > 0)
            throw new ClientOptionsException(optionName, $"{optionName} must not carry credentials in the URL");
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            throw new ClientOptionsException(optionName,
                $"{optionName} \"{text}\" uses plain http://, which would send the credential unencrypted; use https:// (plain http is accepted only for loopback hosts: 127.0.0.0/8, ::1, localhost)");
        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), UriKind.Absolute);
    }

    public static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address);
    }
}
