using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.Datafold;

/// <summary>Datafold authentication for every /api/v1 request: `Authorization: Key X` (401 {"detail"} otherwise).</summary>
internal static class DatafoldAuth
{
    private const string CallerKey = "datafold.caller";

    public static bool Applies(PathString path) => path.StartsWithSegments("/api/v1");

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, EmulatorState state)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            await DatafoldResponses.Error(401, "Not authenticated").ExecuteAsync(context);
            return;
        }
        var key = header.StartsWith("Key ", StringComparison.OrdinalIgnoreCase) ? header[4..].Trim() : null;
        DatafoldCaller? caller;
        lock (state.Gate)
        {
            caller = key is { Length: > 0 } ? state.DatafoldCallerFor(key) : null;
        }
        if (caller is null)
        {
            await DatafoldResponses.Error(401, "Invalid API key").ExecuteAsync(context);
            return;
        }
        context.Items[CallerKey] = caller;
        await next(context);
    }

    public static DatafoldCaller Caller(HttpContext context) => (DatafoldCaller)context.Items[CallerKey]!;
}
