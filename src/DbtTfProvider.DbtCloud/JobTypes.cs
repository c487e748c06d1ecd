namespace DbtTfProvider.DbtCloud;

/// <summary>The job types of the v2 spec this client names.</summary>
public static class JobTypes
{
    public const string Ci = "ci";
    public const string Merge = "merge";
    public const string Scheduled = "scheduled";
    public const string Other = "other";
    public const string Adaptive = "adaptive";
    public const string ExposureSync = "exposure_sync";
    public const string Hybrid = "hybrid";

    /// <summary>
    /// Every type but scheduled, merge and other, the ones a deployment job moves between freely. dbt Cloud does not
    /// let a ci or adaptive job leave its type (400 "the job type field for this job can only be set to 'ci'");
    /// exposure_sync and hybrid (the v2 spec's JobTypeEnum) and any type added later are jobs of another kind too,
    /// which writing a deployment job's settings would rewrite. Null (an answer without job_type) is not fixed.
    /// </summary>
    public static bool IsFixed(string? jobType) => jobType is not (null or Scheduled or Merge or Other);
}
