using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.DbtCloud;

/// <summary>offset/limit of a dbt Cloud list (limit at most 100; a larger one is a 400).</summary>
internal readonly record struct Paging(int Offset, int Limit)
{
    public const int MaxLimit = 100;

    public static bool TryRead(HttpRequest request, out Paging paging, out IResult? error)
    {
        paging = default;
        error = null;
        if (!QueryInt.TryRead(request, "offset", out var offset, out error)
            || !QueryInt.TryRead(request, "limit", out var limit, out error))
        {
            return false;
        }
        if (offset is < 0)
        {
            error = DbtResponses.InvalidField("offset", "value must be at least 0");
            return false;
        }
        if (limit is < 1)
        {
            error = DbtResponses.InvalidField("limit", "value must be at least 1");
            return false;
        }
        if (limit is > MaxLimit)
        {
            error = DbtResponses.Error(400, $"limit must be less than or equal to {MaxLimit}.",
                new System.Text.Json.Nodes.JsonObject { ["limit"] = $"value must be at most {MaxLimit}" });
            return false;
        }
        paging = new Paging(offset ?? 0, limit ?? MaxLimit);
        return true;
    }
}
