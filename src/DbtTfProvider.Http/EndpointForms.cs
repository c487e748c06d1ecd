namespace DbtTfProvider.Http;

/// <summary>
/// The forms of a service's base URL that a user may write, and the one form they are normalised to: people paste
/// the browser's address, the API's documented base or something in between.
/// </summary>
public sealed class EndpointForms
{
    /// <summary>Paths after the host that mean the service's base (compared without case, trailing slashes removed), e.g. "", "/api".</summary>
    public required IReadOnlyList<string> AcceptedPaths { get; init; }

    /// <summary>The path of the normal form, e.g. "/api" (dbt Cloud's Admin API) or "" (an application's root).</summary>
    public required string NormalPath { get; init; }

    /// <summary>Whether a bare host name ("eu.datafold.com") is taken for https://host.</summary>
    public bool BareHostAccepted { get; init; }

    /// <summary>The accepted forms in words, for messages, e.g. "https://HOST or https://HOST/api".</summary>
    public required string Described { get; init; }
}
