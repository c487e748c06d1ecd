using DbtTfProvider.Framework.Diagnostics;

namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// One accepted source of a <c>moved</c> block: a resource type of a provider, up to a schema version, and the mapping
/// from its raw state (the state file's <c>attributes</c> object, as that provider wrote it) to this resource's model.
/// The mapping throws <see cref="ResourceException"/> to refuse a state it cannot take (the move then fails and the
/// state is left as it was).
/// </summary>
public sealed class StateMoveSource<TModel>(string providerAddress, string typeName, Func<JsonState, TModel> map) where TModel : class, new()
{
    /// <summary>The source provider's address, e.g. <c>registry.terraform.io/dbt-labs/dbtcloud</c> (the host may be left out).</summary>
    public string ProviderAddress { get; } = StateMoves.NormalizeAddress(providerAddress);
    public string TypeName { get; } = typeName;
    /// <summary>The newest schema version of the source the mapping knows; a newer state is refused, not guessed at.</summary>
    public long MaxSchemaVersion { get; init; }
    public Func<JsonState, TModel> Map { get; } = map;

    internal bool Matches(string providerAddress, string typeName) =>
        string.Equals(ProviderAddress, StateMoves.NormalizeAddress(providerAddress), StringComparison.OrdinalIgnoreCase) &&
        string.Equals(TypeName, typeName, StringComparison.Ordinal);

    public override string ToString() => $"{TypeName} of {ProviderAddress}";
}
