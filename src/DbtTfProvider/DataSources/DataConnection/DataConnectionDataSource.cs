using DbtTfProvider.Datafold;
using DbtTfProvider.Framework.DataSources;
using DbtTfProvider.Framework.Resources;
using DbtTfProvider.Framework.Schema;

namespace DbtTfProvider.DataSources.DataConnection;

/// <summary><c>data "datafold_data_source"</c>: a data connection of the organization, found by name.</summary>
public sealed class DataConnectionDataSource : DataSource<DataConnectionModel, DatafoldClient>
{
    public override string TypeName => "datafold_data_source";

    protected override void DefineSchema(SchemaBuilder<DataConnectionModel> schema) => DataConnectionSchema.Define(schema);

    public override async Task ReadAsync(ReadDataSourceContext<DataConnectionModel, DatafoldClient> context)
    {
        var client = context.Client;
        var sources = await client.DataSources.ListAsync(context.CancellationToken);
        var source = NameLookup.Single(sources, context.Config.Name.Value, s => s.Name, s => s.Id, "data source", 
            client.OrganizationId is { } organization ? $"Datafold organization {organization}" : "the API key's Datafold organization");
        context.Result.Id = NumericIds.Format(source.Id);
        context.Result.DataSourceId = source.Id;
        context.Result.Type = source.Type;
        context.Result.Accessible = source.Accessible;
        context.Result.IsPaused = source.IsPaused ?? false;
    }
}
