using DbtTfProvider.DbtCloud;

namespace DbtTfProvider.LiveSuite;

/// <summary>
/// The live flow's "someone edited it in the UI": a change made through dbt Cloud's API with the project's own client
/// (a read, then a full update, as the UI does), never through Terraform.
/// </summary>
public sealed class HandEdit(LiveSettings settings, TextWriter output)
{
    public async Task<int> SetJobCronAsync(long jobId, string cron, CancellationToken cancellationToken)
    {
        using var dbtCloud = DbtCloudClient.Create(new DbtCloudClientOptions
        {
            HostUrl = settings.DbtCloudHostUrl, AccountId = settings.AccountId, Token = settings.DbtCloudToken,
        });
        var job = await dbtCloud.Jobs.GetAsync(jobId, cancellationToken);
        if (!job.Name.StartsWith(Sweeper.Prefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"job {jobId} \"{job.Name}\" is not the live suite's (no \"{Sweeper.Prefix}\" prefix): not edited");
        var before = job.Schedule.Cron;
        job.Schedule = JobSchedule.CustomCron(cron);
        await dbtCloud.Jobs.UpdateAsync(job, cancellationToken);
        output.WriteLine($"hand edit: job {jobId} \"{job.Name}\" schedule \"{before}\" -> \"{cron}\" through the dbt Cloud API");
        return 0;
    }
}
