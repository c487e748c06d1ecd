using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>
/// dbt Cloud authentication for every /api/v2 and /api/v3 request: `Authorization: Token X` or `Bearer X`
/// (401 "Invalid token." otherwise), then the account in the route must be one the credential sees (403).
/// </summary>
internal static class DbtAuth
{
    private const string CallerKey = "dbt.caller";

    public static bool Applies(PathString path) =>
        path.StartsWithSegments("/api/v2") || path.StartsWithSegments("/api/v3");

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, EmulatorState state)
    {
        var secret = Credential(context.Request.Headers.Authorization.ToString());
        DbtCaller? caller;
        lock (state.Gate)
        {
            caller = secret is null ? null : state.DbtCallerFor(secret);
        }
        if (caller is null)
        {
            await DbtResponses.Error(401, "Invalid token.").ExecuteAsync(context);
            return;
        }
        if (context.Request.RouteValues.TryGetValue("account_id", out var raw)
            && int.TryParse(raw?.ToString(), out var accountId)
            && !caller.AccountIds.Contains(accountId))
        {
            await DbtResponses.Error(403, $"This token does not have permission to access account {accountId}.").ExecuteAsync(context);
            return;
        }
        context.Items[CallerKey] = caller;
        await next(context);
    }

    public static DbtCaller Caller(HttpContext context) => (DbtCaller)context.Items[CallerKey]!;

    private static string? Credential(string header)
    {
        foreach (var scheme in (ReadOnlySpan<string>)["Token ", "Bearer "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                var secret = header[scheme.Length..].Trim();
                return secret.Length > 0 ? secret : null;
            }
        }
        return null;
    }
}
