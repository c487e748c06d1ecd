using DbtTfProvider.Http;

namespace DbtTfProvider.Datafold;

/// <summary>
/// The one normaliser of Datafold addresses: <c>eu.datafold.com</c>, <c>https://eu.datafold.com</c> and
/// <c>https://eu.datafold.com/api</c> all mean the application at https://eu.datafold.com, under which the API's paths
/// start with <c>/api/v1/</c>.
/// </summary>
public static class DatafoldHost
{
    private static readonly EndpointForms Forms = new()
    {
        AcceptedPaths = ["", "/api"],
        NormalPath = "",
        BareHostAccepted = true,
        Described = "HOST, https://HOST or https://HOST/api",
    };

    /// <summary>The application's root, e.g. https://eu.datafold.com, or the problem with the value to write instead.</summary>
    public static EndpointCheck Check(string? value) => ServiceEndpoint.Check(value, Forms);

    /// <summary>What is wrong with <paramref name="value"/> as a Datafold address (completing "NAME …"), or null.</summary>
    public static string? Problem(string value) => Check(value).Problem;

    internal static Uri Normalize(string? value, string optionName) => ServiceEndpoint.Normalize(value, Forms, optionName);
}
