using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.DataSources.DataConnection;

public sealed class DataConnectionModel
{
    public TfString Name;
    public TfString Id;
    public TfInt64 DataSourceId;
    public TfString Type;
    public TfBool Accessible;
    public TfBool IsPaused;
}
