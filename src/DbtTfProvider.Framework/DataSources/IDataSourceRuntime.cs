using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.DataSources;

/// <summary>One data source type as the protocol adapter sees it: validation and read on plain cty values.</summary>
public interface IDataSourceRuntime
{
    string TypeName { get; }
    SchemaBlock Block { get; }
    void ValidateConfig(CtyValue config, DiagnosticList diagnostics);
    /// <summary>The state Terraform stores for the data source: never null, wholly known.</summary>
    Task<CtyValue> ReadAsync(CtyValue config, DiagnosticList diagnostics, CancellationToken cancellationToken);
}
