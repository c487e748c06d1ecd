using System.Globalization;
using DbtTfProvider.Datafold;
using DbtTfProvider.DbtCloud;

namespace DbtTfProvider.LiveSuite;

/// <summary>
/// `make sweep`: finds what live runs left behind, by name only: every object whose name starts with the run prefix
/// ("tf-acc-", or "tf-acc-&lt;run id&gt;-" for one run) and that is older than the given age. Lists them; deletes them
/// only when asked (--yes), Datafold CI configs first (they hold the token and name the job), then jobs, then tokens.
/// An object without the prefix, or whose age is unknown, is never deleted.
/// </summary>
public sealed class Sweeper(LiveSettings settings, TextWriter output)
{
    public const string Prefix = "tf-acc-";

    public async Task<int> RunAsync(string prefix, TimeSpan olderThan, bool delete, CancellationToken cancellationToken)
    {
        if (!prefix.StartsWith(Prefix, StringComparison.Ordinal))
            throw new ArgumentException($"the prefix must start with \"{Prefix}\", not \"{prefix}\"");
        using var dbtCloud = DbtCloudClient.Create(new DbtCloudClientOptions
        {
            HostUrl = settings.DbtCloudHostUrl, AccountId = settings.AccountId, Token = settings.DbtCloudToken,
        });
        using var datafold = DatafoldClient.Create(new DatafoldClientOptions { Host = settings.DatafoldHost, ApiKey = settings.DatafoldApiKey });

        var found = new List<LeftoverObject>();
        foreach (var config in await datafold.CiConfigs.ListAsync(cancellationToken))
            found.Add(new("Datafold CI config", config.Id ?? 0, config.Name, Parse(config.CreatedAt), ct => datafold.CiConfigs.DeleteAsync(config.Id ?? 0, ct)));
        foreach (var job in await dbtCloud.Jobs.ListAsync(new JobListFilter { NameContains = prefix }, cancellationToken))
            found.Add(new("dbt Cloud job", job.Id ?? 0, job.Name, Parse(job.CreatedAt), ct => dbtCloud.Jobs.DeleteAsync(job.Id ?? 0, job.ProjectId, ct)));
        foreach (var token in await dbtCloud.ServiceTokens.ListAsync(DbtObjectState.Active, cancellationToken))
            found.Add(new("dbt Cloud service token", token.Id, token.Name, Parse(token.CreatedAt), ct => dbtCloud.ServiceTokens.DeleteAsync(token.Id, ct)));

        var now = DateTimeOffset.UtcNow;
        var ours = found.Where(o => o.Name.StartsWith(prefix, StringComparison.Ordinal) && o.Id > 0).ToList();
        var due = ours.Where(o => o.CreatedAt is { } at && now - at >= olderThan).ToList();
        output.WriteLine($"sweep: {ours.Count} object(s) named \"{prefix}*\", {due.Count} older than {olderThan}" +
                         (delete ? "; deleting them" : "; listing only (add --yes to delete)"));
        foreach (var o in ours.Except(due)) output.WriteLine($"  kept (too recent or age unknown): {o}");
        var failures = 0;
        foreach (var o in due)
        {
            if (!delete) { output.WriteLine($"  would delete: {o}"); continue; }
            try
            {
                await o.DeleteAsync(cancellationToken);
                output.WriteLine($"  deleted: {o}");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failures++;
                output.WriteLine($"  NOT deleted: {o}: {error.Message}");
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
