using System.Text.Json;
using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.DbtCloud;
using DbtTfProvider.Emulator.Json;
using DbtTfProvider.Emulator.State;

namespace DbtTfProvider.Emulator.Admin;

/// <summary>
/// The whole state for test assertions: secrets included, deleted objects included (state 2), ids as numbers,
/// every list sorted by id, request counts sorted by key.
/// </summary>
internal static class StateDump
{
    public static JsonObject Build(EmulatorState state, RequestCounter counter)
    {
        var context = EmulatorJsonContext.Default;
        var seed = state.Seed;
        foreach (var run in state.Runs.Values)
        {
            RunEndpoints.Settle(run);
        }
        var requests = new JsonObject();
        foreach (var (key, count) in counter.Snapshot())
        {
            requests[key] = count;
        }
        return new JsonObject
        {
            ["dbt_cloud"] = new JsonObject
            {
                ["accounts"] = Array(seed.DbtCloud.Accounts.OrderBy(a => a.Id), a => JsonSerializer.SerializeToNode(a, context.SeedAccount)),
                ["projects"] = Array(seed.DbtCloud.Projects.OrderBy(p => p.Id), p => JsonSerializer.SerializeToNode(p, context.SeedProject)),
                ["environments"] = Array(seed.DbtCloud.Environments.OrderBy(e => e.Id), e =>
                {
                    var node = JsonSerializer.SerializeToNode(e, context.SeedEnvironment)!.AsObject();
                    node["account_id"] = state.AccountOfProject(e.ProjectId);
                    return node;
                }),
                ["service_tokens"] = Array(state.ServiceTokens.Values, t =>
                {
                    var node = JsonSerializer.SerializeToNode(t, context.ServiceToken)!.AsObject();
                    node["grants"] ??= new JsonArray();
                    return node;
                }),
                ["jobs"] = Array(state.Jobs.Values, j => JsonSerializer.SerializeToNode(j, context.Job)),
                ["runs"] = Array(state.Runs.Values, r => JsonSerializer.SerializeToNode(r, context.Run)),
            },
            ["datafold"] = new JsonObject
            {
                ["organizations"] = Array(seed.Datafold.Organizations.OrderBy(o => o.Id), o => JsonSerializer.SerializeToNode(o, context.SeedOrganization)),
                ["data_sources"] = Array(seed.Datafold.DataSources.OrderBy(d => d.Id), d => JsonSerializer.SerializeToNode(d, context.SeedDataSource)),
                ["repositories"] = Array(seed.Datafold.Repositories.OrderBy(r => r.Id), r => JsonSerializer.SerializeToNode(r, context.SeedRepository)),
                ["ci_configs"] = Array(state.CiConfigs.Values, c => JsonSerializer.SerializeToNode(c, context.CiConfig)),
            },
            ["requests"] = requests,
            ["user_agents"] = new JsonArray(counter.UserAgents().Select(agent => (JsonNode)agent).ToArray()),
        };
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> view) => new(items.Select(view).ToArray());
}
