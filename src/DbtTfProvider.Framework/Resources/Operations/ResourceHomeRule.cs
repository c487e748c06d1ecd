using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// The <see cref="ResourceHome{TClient}"/> rule for one resource type: the home recorded in every state, and nothing
/// read, planned or written for an object recorded under another home. Built with the resource's schema, so a
/// resource of a part with a home that lacks the computed number attribute fails when the schema is built (an
/// "Invalid provider schema" error on the first GetProviderSchema), not on some later request. A part without a home
/// gets a rule that lets everything through.
/// </summary>
internal sealed class ResourceHomeRule<TClient> where TClient : class
{
    private readonly string _typeName;
    private readonly ResourceHome<TClient>? _home;
    private readonly IClientSource<TClient> _clients;

    public ResourceHomeRule(string typeName, SchemaBlock block, ResourceHome<TClient>? home, IClientSource<TClient> clients)
    {
        _typeName = typeName;
        _home = home;
        _clients = clients;
        if (home is null) return;
        var attribute = block.FindAttribute(home.Attribute);
        if (attribute is not { Computed: true } || !attribute.Type.Equals(CtyType.Number))
            throw new SchemaDefinitionException($"{typeName} must declare the computed number attribute \"{home.Attribute}\" (the {home.What} it lives in).");
    }

    /// <summary>The configured client's home id, when the part has one and the client is configured.</summary>
    private long? Configured => _home is { } home && _clients.IsAvailable ? home.IdOf(_clients.Client) : null;

    /// <summary>The home recorded in a state, or null (no home, older state, or not known yet).</summary>
    private long? RecordedIn(CtyValue state) =>
        _home is { } home && !state.IsNull && state.GetAttribute(home.Attribute) is { IsKnown: true } value && value.AsNumber().TryGetInt64(out var id) ? id : null;

    /// <summary>The value with the configured home filled in (when known); <paramref name="onlyIfNotKnown"/> keeps a recorded one.</summary>
    public CtyValue Fill(CtyValue value, bool onlyIfNotKnown = false)
    {
        if (_home is not { } home || value.IsNull || !value.IsKnown || Configured is not { } configured) return value;
        if (onlyIfNotKnown && value.GetAttribute(home.Attribute).IsKnown) return value;
        var type = (CtyObjectType)value.Type;
        return CtyValue.Object(type, type.Attributes.Keys.Select(key =>
            KeyValuePair.Create(key, key == home.Attribute ? CtyValue.Number(configured) : value.GetAttribute(key))));
    }

    /// <summary>
    /// False, with an error naming both ids, when the state records another home than the provider is configured for:
    /// nothing may be read, planned or written then, or a live object would look deleted and get a twin.
    /// </summary>
    public bool Admits(CtyValue state, DiagnosticList diagnostics)
    {
        if (_home is not { } home || RecordedIn(state) is not { } recorded || Configured is not { } configured || recorded == configured)
            return true;
        diagnostics.AddAttributeError(CtyPath.Attribute(home.Attribute), $"Object belongs to another {home.What}",
            $"{_typeName} {Describe(state)} lives in {home.What} {recorded}, but the provider is configured for {home.What} {configured} " +
            $"(set by {home.Setting}). Nothing was read or changed. Configure the provider for {home.What} {recorded} again to manage it; " +
            "to leave it where it is, remove it from this configuration's state with `terraform state rm`.");
        return false;
    }

    /// <summary>
    /// Whether a confirmed-gone read proves the object gone: not when its state does not record its home (written
    /// before the attribute existed), since "gone here" does not prove "gone where it lives"; then an error says so.
    /// </summary>
    public bool ProvesGone(CtyValue state, DiagnosticList diagnostics)
    {
        if (_home is not { } home || RecordedIn(state) is not null) return true;
        diagnostics.AddError("Cannot confirm the object is gone",
            $"{_typeName} {Describe(state)} was not found in {home.What} {Configured}, but its state does not record which " +
            $"{home.What} it lives in (it was written by an older provider version), so it may live in another one. It stays in state. " +
            $"Check {home.Setting}; if the object really was deleted, remove it with `terraform state rm`.");
        return false;
    }

    private static string Describe(CtyValue state) =>
        state.TryGetAttribute("id", out var id) && id.IsKnown && id.Type.Equals(CtyType.String) ? id.AsString() : "(no id)";
}
