using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace DbtTfProvider.Emulator.Admin;

/// <summary>
/// How many requests each API endpoint received, keyed "METHOD template" (e.g.
/// "GET /api/v3/accounts/{account_id}/service-tokens/{id}/"), so that tests can assert "a no-op refresh reads
/// each object once". Every routed API request counts, also the ones a fault rule then fails.
/// </summary>
internal sealed partial class RequestCounter
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _userAgents = new(StringComparer.Ordinal);

    public void Count(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<ApiRoute>() is null)
        {
            return;
        }
        var key = $"{context.Request.Method} {Template(endpoint.RoutePattern)}";
        var userAgent = context.Request.Headers.UserAgent.ToString();
        lock (_gate)
        {
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            if (userAgent.Length > 0)
            {
                _userAgents.Add(userAgent);
            }
        }
    }

    /// <summary>Every distinct User-Agent the API requests carried, so that tests can see who a client says it is.</summary>
    public string[] UserAgents()
    {
        lock (_gate)
        {
            return [.. _userAgents];
        }
    }

    public SortedDictionary<string, int> Snapshot()
    {
        lock (_gate)
        {
            return new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _counts.Clear();
            _userAgents.Clear();
        }
    }

    /// <summary>The route template without its constraints ("{id:int}" becomes "{id}").</summary>
    public static string Template(RoutePattern pattern) => Constraint().Replace(pattern.RawText ?? "", "{$1}");

    [GeneratedRegex(@"\{([A-Za-z_]+):[^}]*\}")]
    private static partial Regex Constraint();
}
