using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Provider;

/// <summary>
/// One product served by the provider executable: its resource and data source types (all named <c>{Name}_…</c>), its provider
/// configuration attributes, and the function that turns that configuration into an API client. Under its own
/// executable name (<c>terraform-provider-{Name}</c>) the executable serves only this part; under any other name,
/// every part. Attributes that two parts both declare (same name and type) are one setting shared by both.
/// </summary>
public interface IProviderPart
{
    string Name { get; }
    internal PartRuntime CreateRuntime(ILoggerFactory loggerFactory, Func<string, string?> environment);
}
