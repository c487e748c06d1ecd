using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class GrantModel
{
    public TfInt64 Project;
    public TfString GrantId;
}
