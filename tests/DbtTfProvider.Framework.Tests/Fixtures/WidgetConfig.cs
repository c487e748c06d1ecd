using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class WidgetConfig
{
    public TfString Endpoint;
}
