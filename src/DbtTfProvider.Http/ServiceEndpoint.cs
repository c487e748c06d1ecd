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
    /// removed (so that "{base}/v2/..." never has "//"). The rules are <see cref="Problem"/>'s.
    /// </summary>
    public static Uri Normalize(string? value, string optionName)
    {
        if (Problem(value) is { } problem)
            throw new ClientOptionsException(optionName, $"{optionName} {problem}");
        var uri = new Uri(value!.Trim(), UriKind.Absolute);
        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), UriKind.Absolute);
    }

    /// <summary>
    /// What is wrong with <paramref name="value"/> as a service URL, completing "NAME …", or null when it is fine.
    /// Credentials in the URL (<c>https://user:password@host</c>) are looked for first, before the text is parsed,
    /// and the answer then never quotes the value. Plain http is accepted only for loopback hosts: a token sent in
    /// clear text over a network could be read by anyone on the path.
    /// </summary>
    public static string? Problem(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
            return "must not be empty";
        if (HasUserInfo(text))
            return "must not carry credentials (user:password@ before the host) in the URL; the value is not shown, since it holds a secret. " +
                   "Remove them: the provider sends its credential in a header of its own";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return $"\"{text}\" is not an absolute https:// URL";
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return $"\"{text}\" must not have a query or fragment";
        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            return $"\"{text}\" uses plain http://, which would send the credential unencrypted; use https:// " +
                   "(plain http is accepted only for loopback hosts: 127.0.0.0/8, ::1, localhost)";
        return null;
    }

    /// <summary>
    /// True when the authority part of <paramref name="text"/> (after "//", or from the start when there is none, up
    /// to the first '/', '\', '?' or '#') holds an '@': user info, whatever else is wrong with the text. Deliberately
    /// broad, so that a half-typed URL with a password in it is never quoted back.
    /// </summary>
    public static bool HasUserInfo(string text)
    {
        var start = text.IndexOf("//", StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 2;
        var end = text.IndexOfAny(['/', '\\', '?', '#'], start);
        var authority = end < 0 ? text.AsSpan(start) : text.AsSpan(start, end - start);
        return authority.Contains('@');
    }

    public static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address);
    }
}
