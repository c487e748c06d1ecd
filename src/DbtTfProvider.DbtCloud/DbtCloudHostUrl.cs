using DbtTfProvider.Http;

namespace DbtTfProvider.DbtCloud;

/// <summary>
/// The one normaliser of dbt Cloud addresses. People write the browser's address (<c>https://emea.dbt.com</c>), the
/// Admin API's base (<c>https://emea.dbt.com/api</c>) or the versioned URL of dbt's API docs (<c>…/api/v2</c>,
/// <c>…/api/v3</c>), trailing slashes too; all are one address. This client needs the API base (<see cref="ApiUrl"/>);
/// Datafold's CI integration stores the access URL without <c>/api</c> (<see cref="AccessUrl"/>).
/// </summary>
public static class DbtCloudHostUrl
{
    public const string DefaultApiUrl = "https://cloud.getdbt.com/api";
    public const string DefaultAccessUrl = "https://cloud.getdbt.com";

    private static readonly string[] AcceptedPaths = ["", "/api", "/api/v2", "/api/v3"];
    private const string Described = "https://HOST, https://HOST/api, https://HOST/api/v2 or https://HOST/api/v3";

    private static readonly EndpointForms ApiForms = new() { AcceptedPaths = AcceptedPaths, NormalPath = "/api", Described = Described };
    private static readonly EndpointForms AccessForms = new() { AcceptedPaths = AcceptedPaths, NormalPath = "", Described = Described };

    /// <summary>The Admin API base, e.g. https://emea.dbt.com/api, or the problem with the value to write instead.</summary>
    public static EndpointCheck ApiUrl(string? value) => ServiceEndpoint.Check(value, ApiForms);

    /// <summary>The access URL (no <c>/api</c>), e.g. https://emea.dbt.com, or the problem with the value to write instead.</summary>
    public static EndpointCheck AccessUrl(string? value) => ServiceEndpoint.Check(value, AccessForms);

    /// <summary>What is wrong with <paramref name="value"/> as a dbt Cloud address (completing "NAME …"), or null.</summary>
    public static string? ApiUrlProblem(string value) => ApiUrl(value).Problem;

    /// <inheritdoc cref="ApiUrlProblem"/>
    public static string? AccessUrlProblem(string value) => AccessUrl(value).Problem;

    internal static Uri NormalizeApiUrl(string? value, string optionName) => ServiceEndpoint.Normalize(value, ApiForms, optionName);

    /// <summary>Whether two values name the same dbt Cloud address (either form); false when either is not one.</summary>
    public static bool SameAddress(string? a, string? b) =>
        AccessUrl(a).Url is { } x && AccessUrl(b).Url is { } y && x == y;
}
