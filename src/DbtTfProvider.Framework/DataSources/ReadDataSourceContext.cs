using DbtTfProvider.Framework.Resources;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.DataSources;

public sealed class ReadDataSourceContext<TModel, TClient> : OperationContext<TClient> where TModel : class where TClient : class
{
    internal ReadDataSourceContext(TModel config, TModel result, IClientSource<TClient> clients, ILogger logger, CancellationToken ct)
        : base(clients, logger, ct)
    {
        Config = config;
        Result = result;
    }

    /// <summary>The configuration, wholly known (Terraform reads a data source only then).</summary>
    public TModel Config { get; }

    /// <summary>What Terraform gets: the configuration, with every computed attribute to be filled in.</summary>
    public TModel Result { get; }
}
