using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.Datafold;

/// <summary>The documented part: the credential check and the data sources.</summary>
internal static class OrganizationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
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
        var organization = DatafoldAuth.Caller(http).Organization;
        lock (state.Gate)
        {
            var sources = state.Seed.Datafold.DataSources.Where(d => d.OrganizationId == organization.Id).OrderBy(d => d.Id)
                .Select(d => (JsonNode)DataSource(d)).ToArray();
            return DatafoldResponses.Ok(new JsonArray(sources));
        }
    }

    private static IResult GetDataSource(HttpContext http, EmulatorState state, int id)
    {
        var organization = DatafoldAuth.Caller(http).Organization;
        lock (state.Gate)
        {
            return state.DataSource(organization.Id, id) is { } source
                ? DatafoldResponses.Ok(DataSource(source))
                : DatafoldResponses.Error(404, "Data source not found");
        }
    }

    private static JsonObject DataSource(SeedDataSource source) => new()
    {
        ["id"] = source.Id,
        ["name"] = source.Name,
        ["type"] = source.Type,
        ["is_paused"] = false,
        ["hidden"] = false,
        ["created_from"] = null,
    };
}
