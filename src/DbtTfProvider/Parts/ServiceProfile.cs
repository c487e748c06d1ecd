namespace DbtTfProvider.Parts;

/// <summary>
/// What the configurator (<see cref="ServiceConfigurator"/>) and the error mapper (<see cref="ServiceErrorMapper"/>) need
/// to know of one service: its name, its part, its host and credential settings with their environment variables, and
/// the addresses it is reached at. A service's differences are these values; no code asks which service it is.
/// </summary>
public sealed record ServiceProfile
{
    /// <summary>The service as users know it, e.g. "dbt Cloud".</summary>
    public required string Service { get; init; }

    /// <summary>The provider part (and its block), e.g. "dbtcloud".</summary>
    public required string Part { get; init; }

    /// <summary>The setting that says where the service is.</summary>
    public required ServiceSetting Host { get; init; }

    /// <summary>What the host setting holds, for advice: "the Datafold application's URL, e.g. https://app.datafold.com".</summary>
    public required string HostMeaning { get; init; }

    /// <summary>What addresses of the service look like, for a host name DNS does not know.</summary>
    public required string ExampleUrls { get; init; }

    /// <summary>The settings configure cannot do without (credentials and the like), in the order they are checked.</summary>
    public required IReadOnlyList<ServiceSetting> Required { get; init; }

    /// <summary>
    /// Every setting that decides which objects the provider sees (host first): when an object in state is not found,
    /// these are the ones to compare with those it was created with.
    /// </summary>
    public IEnumerable<ServiceSetting> ObjectScope => Required.Prepend(Host);
}
