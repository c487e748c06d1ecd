namespace DbtTfProvider.Framework.Resources;

/// <summary>Where a resource's API client comes from: the provider part, once configured.</summary>
public interface IClientSource<out TClient> where TClient : class
{
    /// <summary>The configured client; throws <see cref="ProviderNotConfiguredException"/> saying why there is none.</summary>
    TClient Client { get; }
    bool IsAvailable { get; }

    /// <summary>What the part's error description (<c>ProviderPart.DescribeError</c>) says of an exception, or its message.</summary>
    string Explain(Exception exception);
}
