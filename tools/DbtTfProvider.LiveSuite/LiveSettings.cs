namespace DbtTfProvider.LiveSuite;

/// <summary>The values scripts/live/live-env.sh has already checked, read from the environment.</summary>
public sealed record LiveSettings(long AccountId, string DbtCloudToken, string DbtCloudHostUrl, string DatafoldApiKey, string DatafoldHost,
    long? ProjectId)
{
    public static LiveSettings FromEnvironment() => new(
        long.Parse(Required("DBT_CLOUD_ACCOUNT_ID")),
        Required("DBT_CLOUD_TOKEN"),
        Required("DBT_CLOUD_HOST_URL"),
        Required("DATAFOLD_API_KEY"),
        Required("DATAFOLD_HOST"),
        long.TryParse(Environment.GetEnvironmentVariable("TF_ACC_DBT_CLOUD_PROJECT_ID"), out var project) ? project : null);

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set (run through scripts/live/, which checks every value)");
}
