using DbtTfProvider.Framework.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

public sealed class ImportContext<TModel, TClient> : ResourceContext<TClient> where TModel : class where TClient : class
{
    private readonly string _typeName;

    internal ImportContext(string typeName, string id, IClientSource<TClient> clients, PrivateState p, ILogger logger, CancellationToken ct)
        : base(clients, p, logger, ct) => (_typeName, Id) = (typeName, id);

    /// <summary>The id the user gave (<c>import { id = "…" }</c>).</summary>
    public string Id { get; }

    /// <summary>
    /// <see cref="Id"/> as the positive number that most APIs use for ids; anything else fails the import with a message
    /// that says what the id is and where to find it (<paramref name="whatTheIdIs"/>, e.g. "its numeric dbt Cloud job id").
    /// </summary>
    public long NumericId(string whatTheIdIs) => NumericIds.TryParse(Id, out var id)
        ? id
        : throw new ResourceException("Invalid import id", $"{_typeName} is imported by {whatTheIdIs}; got {DisplayText.Quote(Id)}.");
    /// <summary>A stub state (usually just the id); Terraform reads the object right after.</summary>
    public TModel? State { get; set; }
}
