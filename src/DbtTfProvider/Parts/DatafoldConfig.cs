using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Parts;

/// <summary>The <c>provider "datafold"</c> block.</summary>
public sealed class DatafoldConfig
{
    public TfString ApiKey;
    public TfString Host;
    public TfInt64 MaxRetries;
    public TfInt64 TimeoutSeconds;
}
