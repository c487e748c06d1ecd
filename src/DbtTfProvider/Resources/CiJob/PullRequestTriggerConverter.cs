using System.Text.Json.Nodes;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Resources.CiJob;

/// <summary>
/// <c>run_on_pull_requests</c> over dbt Cloud's two pull-request triggers: <c>github_webhook</c> (GitHub repositories)
/// and <c>git_provider_webhook</c> (GitLab, Azure DevOps), both set as dbt Labs' CI example sets them. Read back, it is
/// true only while both are on, so that either switched off in the UI shows as drift and apply turns it on again.
/// </summary>
public sealed class PullRequestTriggerConverter : IApiFieldConverter
{
    public static readonly PullRequestTriggerConverter Instance = new();

    private static readonly ApiPathConverter GitHub = new("triggers.github_webhook");
    private static readonly ApiPathConverter GitProvider = new("triggers.git_provider_webhook");

    public void Write(CtyValue value, JsonObject apiObject)
    {
        GitHub.Write(value, apiObject);
        GitProvider.Write(value, apiObject);
    }

    public CtyValue Read(JsonObject apiObject, CtyType type) =>
        CtyValue.Bool(GitHub.Read(apiObject, type) is { IsKnown: true } a && a.AsBool() && GitProvider.Read(apiObject, type) is { IsKnown: true } b && b.AsBool());
}
