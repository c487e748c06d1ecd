using DbtTfProvider.Framework.Diagnostics;

namespace DbtTfProvider.Framework.Resources;

public sealed class ValidateConfigContext<TModel> where TModel : class
{
    internal ValidateConfigContext(TModel config) => Config = config;

    /// <summary>The configuration; any attribute may be unknown here: check <c>IsKnown</c> before reading values.</summary>
    public TModel Config { get; }
    public DiagnosticList Diagnostics { get; } = new();
}
