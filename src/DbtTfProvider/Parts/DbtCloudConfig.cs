using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Parts;

/// <summary>The <c>provider "dbtcloud"</c> block; names and environment variables follow dbt Labs' provider.</summary>
public sealed class DbtCloudConfig
{
    public TfInt64 AccountId;
    public TfString Token;
    public TfString HostUrl;
    public TfInt64 MaxRetries;
    public TfInt64 TimeoutSeconds;
    public TfBool SkipCredentialsValidation;
}
