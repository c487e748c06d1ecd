using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.Datafold;

/// <summary>The documented part: the credential check and the data sources.</summary>
internal static class OrganizationEndpoints
{
    /// <param name="organizationMeta">False: a host without the undocumented organization/meta route (its 404 is FastAPI's).</param>
    public static void Map(IEndpointRouteBuilder api, bool organizationMeta)
    {
        if (organizationMeta)
            api.MapGet("/v1/organization/meta", Meta);
        api.MapGet("/v1/data_sources", ListDataSources);
        api.MapGet("/v1/data_sources/{id:int}", GetDataSource);
    }

    private static IResult Meta(HttpContext http)
    {
        var caller = DatafoldAuth.Caller(http);
        return DatafoldResponses.Ok(new JsonObject
        {
            ["org_id"] = caller.Organization.Id,
            ["org_name"] = caller.Organization.Name,
            ["user_id"] = caller.UserId,
        });
    }

    private static IResult ListDataSources(HttpContext http, EmulatorState state)
    {
        var caller = DatafoldAuth.Caller(http);
        lock (state.Gate)
        {
            var sources = state.Seed.Datafold.DataSources.Where(d => d.OrganizationId == caller.Organization.Id).OrderBy(d => d.Id)
                .Select(d => (JsonNode)DataSource(d, caller)).ToArray();
            return DatafoldResponses.Ok(new JsonArray(sources));
        }
    }

    private static IResult GetDataSource(HttpContext http, EmulatorState state, int id)
    {
        var caller = DatafoldAuth.Caller(http);
        lock (state.Gate)
        {
            return state.DataSource(caller.Organization.Id, id) is { } source
                ? DatafoldResponses.Ok(DataSource(source, caller))
                : DatafoldResponses.Error(404, "Data source not found");
        }
    }

    /// <summary>
    /// The published shape's common fields. <c>accessible</c> is documented on the list ("the user is admin or the
    /// user's groups overlap with the DS's groups"); the single read carries the same schema, so it is annotated alike
    /// (a reconstruction: the file does not say how the single read treats a data source the user may not use).
    /// </summary>
    private static JsonObject DataSource(SeedDataSource source, DatafoldCaller caller) => new()
    {
        ["id"] = source.Id,
        ["name"] = source.Name,
        ["type"] = source.Type,
        ["accessible"] = caller.Key.Admin || caller.Key.GroupIds.Intersect(source.GroupIds).Any(),
        ["is_paused"] = source.Paused,
        ["group_ids"] = new JsonArray([.. source.GroupIds.Select(g => (JsonNode)g)]),
        ["hidden"] = false,
        ["created_from"] = null,
    };
}
