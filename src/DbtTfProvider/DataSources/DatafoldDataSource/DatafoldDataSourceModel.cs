using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.DataSources.DatafoldDataSource;

public sealed class DatafoldDataSourceModel
{
    public TfString Name;
    public TfString Id;
    public TfInt64 DataSourceId;
    public TfString Type;
    public TfBool Accessible;
    public TfBool IsPaused;
}
