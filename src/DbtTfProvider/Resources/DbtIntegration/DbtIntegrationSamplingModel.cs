using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Resources.DbtIntegration;

/// <summary>The <c>sampling</c> block.</summary>
public sealed class DbtIntegrationSamplingModel
{
    public TfBool Enabled;
    public TfNumber Tolerance;
    public TfNumber Confidence;
    public TfInt64 Threshold;
}
