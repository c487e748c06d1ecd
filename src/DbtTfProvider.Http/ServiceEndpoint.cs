using System.Net;

namespace DbtTfProvider.Http;

/// <summary>Checks and normalises a service's base URL.</summary>
public static class ServiceEndpoint
{
    /// <summary>
    /// Parses <paramref name="value"/> as one of <paramref name="forms"/>: an absolute http(s) URL (or a bare host where
    /// accepted) without credentials, query or fragment, with one of the accepted paths. The answer is the normal form
    /// (scheme, host, port and <see cref="EndpointForms.NormalPath"/>, no trailing slash, so that "{base}/v2/..." never
    /// has "//"), or the problem with the exact value to write instead whenever one can be derived.
    /// </summary>
    /// <remarks>
    /// Credentials, a query or a fragment in the URL (<c>https://user:pa/ss@host</c>, <c>…/api?api_key=…</c>) are looked
    /// for first, before the text is parsed, and the answer then never quotes the value. Plain http is accepted only for loopback hosts: a token sent in clear
    /// text over a network could be read by anyone on the path.
    /// </remarks>
    public static EndpointCheck Check(string? value, EndpointForms forms)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
            return new(null, "must not be empty");
        if (Unquotable(text) is { } part)
            return new(null, $"must not carry {part} in the URL; the value is not shown, since it may hold a secret. " +
                             "Write only the scheme, the host and the path (" + forms.Described + "): the provider sends its credential in a header of its own");

        var bare = !text.Contains("://", StringComparison.Ordinal);
        if (!Uri.TryCreate(bare ? "https://" + text : text, UriKind.Absolute, out var uri) || uri.IdnHost.Length == 0)
            return new(null, $"\"{text}\" is not an absolute https:// URL (accepted: {forms.Described})");

        var loopback = IsLoopback(uri);
        var scheme = uri.Scheme == Uri.UriSchemeHttp && loopback ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        var corrected = $"{scheme}://{uri.Authority}{forms.NormalPath}";

        var issues = new List<string>();
        if (bare && !forms.BareHostAccepted)
            issues.Add("has no https:// in front");
        else if (!bare && uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            issues.Add($"is not an https:// URL");
        else if (uri.Scheme == Uri.UriSchemeHttp && !loopback)
            issues.Add("uses plain http://, which would send the credential unencrypted (plain http is accepted only for loopback hosts: 127.0.0.0/8, ::1, localhost)");
        var path = uri.AbsolutePath.TrimEnd('/');
        if (!forms.AcceptedPaths.Any(p => string.Equals(p, path, StringComparison.OrdinalIgnoreCase)))
            issues.Add($"has the path \"{uri.AbsolutePath}\" (accepted: {forms.Described})");

        return issues.Count == 0
            ? new(new Uri(corrected, UriKind.Absolute), null)
            : new(null, $"\"{text}\" {string.Join(", and ", issues)}; use \"{corrected}\"");
    }

    /// <summary>The normal form of <paramref name="value"/>, or <see cref="ClientOptionsException"/> naming <paramref name="optionName"/>.</summary>
    public static Uri Normalize(string? value, EndpointForms forms, string optionName)
    {
        var check = Check(value, forms);
        return check.Url ?? throw new ClientOptionsException(optionName, $"{optionName} {check.Problem}");
    }

    /// <summary>
    /// What a value must not hold and may not be quoted with, in words, or null: user info (any '@': a password may
    /// itself hold '/', '?' or '#', so where the host would end cannot be told), a query ('?', e.g. "?api_key=…") or a
    /// fragment ('#'). None of them belongs in a service's base address, whatever else is wrong with the text, so a
    /// half-typed URL with a password in it is never quoted back.
    /// </summary>
    public static string? Unquotable(string text) =>
        text.Contains('@') ? "credentials (user:password@ before the host)"
        : text.Contains('?') ? "a query (?…)"
        : text.Contains('#') ? "a fragment (#…)"
        : null;

    public static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address);
    }
}
