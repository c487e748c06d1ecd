namespace DbtTfProvider.Http;

/// <summary>The normal form of an endpoint (<see cref="Url"/>), or what is wrong with it (<see cref="Problem"/>, completing "NAME …").</summary>
public readonly record struct EndpointCheck(Uri? Url, string? Problem)
{
    /// <summary>The normal form as text, without the trailing slash <see cref="Uri"/> puts after a bare host (https://eu.datafold.com).</summary>
    public string? Text => Url?.AbsoluteUri.TrimEnd('/');
}
