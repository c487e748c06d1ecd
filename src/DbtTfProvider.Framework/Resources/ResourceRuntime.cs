using System.Text.Json;
using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Framework.Planning;
using DbtTfProvider.Framework.Provider;
using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Framework.Validators;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Resources;

public sealed record PlanOutcome(CtyValue PlannedState, IReadOnlyList<CtyPath> RequiresReplace, byte[] PlannedPrivate, DiagnosticList Diagnostics);
public sealed record StateOutcome(CtyValue State, byte[] Private, DiagnosticList Diagnostics);

/// <summary>
/// One resource type as the protocol adapter sees it: every operation on plain cty values. The adapter decodes and
/// encodes the wire format; this layer runs the planning algorithm and the resource's typed CRUD.
/// </summary>
public interface IResourceRuntime
{
    string TypeName { get; }
    SchemaBlock Block { get; }
    long SchemaVersion { get; }
    /// <summary>Whether the resource type implements import (for documentation tools).</summary>
    bool SupportsImport { get; }
    void ValidateConfig(CtyValue config, bool writeOnlyAllowed, DiagnosticList diagnostics);
    Task<PlanOutcome> PlanAsync(CtyValue prior, CtyValue proposed, CtyValue config, byte[] priorPrivate, CancellationToken cancellationToken);
    Task<StateOutcome> ApplyAsync(CtyValue prior, CtyValue planned, CtyValue config, byte[] plannedPrivate, CancellationToken cancellationToken);
    Task<StateOutcome> ReadAsync(CtyValue state, byte[] privateState, CancellationToken cancellationToken);
    Task<StateOutcome> ImportAsync(string id, CancellationToken cancellationToken);
    StateOutcome UpgradeState(long version, ReadOnlySpan<byte> rawStateJson);
}

/// <summary>What the provider part lends its resources and data sources: the client, the error describer, a logger and where objects live.</summary>
public sealed class ResourceServices<TClient>(IClientSource<TClient> clients, Func<Exception, ApiErrorDescription?> describeError, ILogger logger,
    ResourceHome<TClient>? home = null)
    where TClient : class
{
    public IClientSource<TClient> Clients { get; } = clients;
    public Func<Exception, ApiErrorDescription?> DescribeError { get; } = describeError;
    public ILogger Logger { get; } = logger;
    public ResourceHome<TClient>? Home { get; } = home;
}

internal sealed class ResourceRuntime<TModel, TClient>(Resource<TModel, TClient> resource, ResourceServices<TClient> services) : IResourceRuntime
    where TModel : class, new() where TClient : class
{
    private ResourceSchema<TModel> Schema => resource.Schema;
    private ModelBinding<TModel> Binding => Schema.Binding;
    private IClientSource<TClient> Clients => services.Clients;
    private ILogger Logger => services.Logger;
    private OperationGuard? _operationGuard;
    /// <summary>Built on first use, as the schema it maps API fields with.</summary>
    private OperationGuard ErrorGuard => _operationGuard ??= new(TypeName, Block, services.DescribeError, Logger);

    public string TypeName => resource.TypeName;
    public SchemaBlock Block => Schema.Block;
    public long SchemaVersion => Schema.Version;
    public bool SupportsImport => resource.SupportsImport;

    public void ValidateConfig(CtyValue config, bool writeOnlyAllowed, DiagnosticList diagnostics)
    {
        ConfigValidation.Validate(Block, config, diagnostics, writeOnlyAllowed);
        if (!config.IsKnown) return;
        Guard(diagnostics, "validate", () =>
        {
            var context = new ValidateConfigContext<TModel>(Binding.Decode(config));
            resource.ValidateConfig(context);
            diagnostics.AddRange(context.Diagnostics);
        });
    }

    public async Task<PlanOutcome> PlanAsync(CtyValue prior, CtyValue proposed, CtyValue config, byte[] priorPrivate, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.FromBytes(priorPrivate);
        if (proposed.IsNull) return new(proposed, [], privateState.ToBytes(), diagnostics);
        if (!prior.IsNull && !CheckHome(prior, diagnostics)) return new(proposed, [], privateState.ToBytes(), diagnostics);

        var planned = ResourcePlanner.PlanAttributes(Block, prior, proposed, config, diagnostics);
        planned = WithHome(planned, onlyIfNotKnown: true);
        IReadOnlyList<CtyPath> requested = [];
        if (!diagnostics.HasErrors)
        {
            await GuardAsync(diagnostics, "plan", cancellationToken, async () =>
            {
                var before = Binding.Encode(Binding.Decode(planned));
                var context = new ModifyPlanContext<TModel, TClient>(Binding.Decode(planned), Binding.Decode(config),
                    prior.IsNull ? null : Binding.Decode(prior), Clients, privateState, Logger, cancellationToken);
                await resource.ModifyPlanAsync(context);
                diagnostics.AddRange(context.Diagnostics);
                planned = TakeChanges(planned, before, Binding.Encode(context.Plan));
                planned = StateRules.NullWriteOnly(Block, planned);
                requested = context.ReplacePaths;
            });
        }

        var replace = ResourcePlanner.RequiresReplace(Block, prior, planned, config, requested);
        // An unchanged resource must plan exactly its prior state, so Terraform shows no change.
        if (planned.Equals(prior)) planned = prior;
        return new(planned, replace, privateState.ToBytes(), diagnostics);
    }

    /// <summary>
    /// Takes from the hook's model only the top-level values it changed: a model cannot hold a partly unknown
    /// collection, so untouched values keep their exact planned form.
    /// </summary>
    private static CtyValue TakeChanges(CtyValue planned, CtyValue before, CtyValue after)
    {
        if (before.Equals(after)) return planned;
        var type = (CtyObjectType)planned.Type;
        return CtyValue.Object(type, type.Attributes.Keys.Select(name =>
            KeyValuePair.Create(name, before.GetAttribute(name).Equals(after.GetAttribute(name)) ? planned.GetAttribute(name) : after.GetAttribute(name))));
    }

    public async Task<StateOutcome> ApplyAsync(CtyValue prior, CtyValue planned, CtyValue config, byte[] plannedPrivate, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.FromBytes(plannedPrivate);

        if (!prior.IsNull && !CheckHome(prior, diagnostics)) return new(prior, privateState.ToBytes(), diagnostics);
        if (planned.IsNull)
        {
            var deleted = await GuardAsync(diagnostics, "delete", cancellationToken, async () =>
            {
                var context = new DeleteContext<TModel, TClient>(Binding.Decode(prior), Clients, privateState, Logger, cancellationToken);
                await resource.DeleteAsync(context);
                diagnostics.AddRange(context.Diagnostics);
            });
            // A failed delete keeps the object in state, so it is neither lost nor forgotten.
            return new(deleted && !diagnostics.HasErrors ? CtyValue.Null(Block.ImpliedType) : prior, privateState.ToBytes(), diagnostics);
        }

        TModel? newModel = null;
        var operation = prior.IsNull ? "create" : "update";
        await GuardAsync(diagnostics, operation, cancellationToken, async () =>
        {
            var plan = Binding.Decode(planned);
            var configModel = Binding.Decode(config);
            if (prior.IsNull)
            {
                var context = new CreateContext<TModel, TClient>(plan, configModel, Clients, privateState, Logger, cancellationToken);
                try
                {
                    await resource.CreateAsync(context);
                }
                finally
                {
                    newModel = context.State;
                    diagnostics.AddRange(context.Diagnostics);
                }
                if (newModel is null && !diagnostics.HasErrors)
                    diagnostics.AddError("Provider returned no state after create",
                        $"{TypeName}: Create finished without setting the new state. This is a bug in the provider. Please report it.");
            }
            else
            {
                var context = new UpdateContext<TModel, TClient>(plan, configModel, Binding.Decode(prior), Clients, privateState, Logger, cancellationToken);
                var succeeded = false;
                try
                {
                    await resource.UpdateAsync(context);
                    succeeded = true;
                }
                finally
                {
                    diagnostics.AddRange(context.Diagnostics);
                    newModel = context.State ?? (succeeded && !diagnostics.HasErrors ? context.Plan : null);
                }
            }
        });

        if (newModel is null)
        {
            // Nothing was created, or an update failed without saying what it changed: keep what Terraform had.
            return new(prior.IsNull ? CtyValue.Null(Block.ImpliedType) : prior, privateState.ToBytes(), diagnostics);
        }

        var state = Finish(WithHome(Binding.Encode(newModel)), operation, diagnostics.HasErrors ? null : diagnostics);
        if (!diagnostics.HasErrors) StateRules.CheckMatchesPlan(Block, planned, state, TypeName, diagnostics);
        return new(state, privateState.ToBytes(), diagnostics);
    }

    public async Task<StateOutcome> ReadAsync(CtyValue state, byte[] privateBytes, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.FromBytes(privateBytes);
        if (!CheckHome(state, diagnostics)) return new(state, privateState.ToBytes(), diagnostics);
        ReadContext<TModel, TClient>? context = null;
        var found = await GuardAsync(diagnostics, "read", cancellationToken, async () =>
        {
            context = new ReadContext<TModel, TClient>(Binding.Decode(state), Clients, privateState, Logger, cancellationToken);
            await resource.ReadAsync(context);
            diagnostics.AddRange(context.Diagnostics);
        });

        if (!found)
        {
            if (services.Home is { } home && HomeIn(state) is null)
            {
                // State written before the home was recorded: "gone here" does not prove "gone where it lives".
                diagnostics.AddError("Cannot confirm the object is gone",
                    $"{TypeName} {Describe(state)} was not found in {home.What} {ConfiguredHome}, but its state does not record which " +
                    $"{home.What} it lives in (it was written by an older provider version), so it may live in another one. It stays in state. " +
                    $"Check {home.Setting}; if the object really was deleted, remove it with `terraform state rm`.");
                return new(state, privateState.ToBytes(), diagnostics);
            }
            Logger.LogDebug("{Type}: the service confirmed the remote object gone; removing it from state", TypeName);
            return new(CtyValue.Null(Block.ImpliedType), privateState.ToBytes(), diagnostics);
        }
        if (diagnostics.HasErrors || context is null) return new(state, privateState.ToBytes(), diagnostics);

        var newState = Finish(WithHome(Binding.Encode(context.State)), "read", diagnostics);
        return new(newState.Equals(state) ? state : newState, privateState.ToBytes(), diagnostics);
    }

    public async Task<StateOutcome> ImportAsync(string id, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticList();
        var privateState = PrivateState.Empty();
        TModel? stub = null;
        await GuardAsync(diagnostics, "import", cancellationToken, async () =>
        {
            if (resource is not IImportableResource<TModel, TClient> importable)
                throw new ResourceException("Import not supported", $"{TypeName} cannot be imported.");
            var context = new ImportContext<TModel, TClient>(TypeName, id, Clients, privateState, Logger, cancellationToken);
            await importable.ImportAsync(context);
            diagnostics.AddRange(context.Diagnostics);
            stub = context.State;
        });
        if (stub is null || diagnostics.HasErrors)
        {
            if (!diagnostics.HasErrors)
                diagnostics.AddError("Provider returned no state after import", $"{TypeName}: ImportState did not set a state. This is a bug in the provider.");
            return new(CtyValue.Null(Block.ImpliedType), privateState.ToBytes(), diagnostics);
        }
        return new(Finish(WithHome(Binding.Encode(stub)), "import", diagnostics), privateState.ToBytes(), diagnostics);
    }

    public StateOutcome UpgradeState(long version, ReadOnlySpan<byte> rawStateJson)
    {
        var diagnostics = new DiagnosticList();
        var nullState = CtyValue.Null(Block.ImpliedType);
        if (version > SchemaVersion)
        {
            diagnostics.AddError("State written by a newer provider",
                $"The state of this {TypeName} has schema version {version}, but this provider only knows versions up to {SchemaVersion}. Use the provider version that wrote it, or a newer one.");
            return new(nullState, [], diagnostics);
        }

        CtyValue state;
        if (version == SchemaVersion)
        {
            try
            {
                // Attributes no longer in the schema are dropped; attributes added since are null.
                state = CtyJson.Decode(rawStateJson, Block.ImpliedType, ignoreUnknownAttributes: true);
            }
            catch (CtyDecodeException e)
            {
                diagnostics.AddError("Unreadable state", $"The stored state of this {TypeName} could not be read at {e.Path}: {e.Message}");
                return new(nullState, [], diagnostics);
            }
        }
        else if (Schema.Upgraders.TryGetValue(version, out var upgrade))
        {
            var json = rawStateJson.ToArray();
            CtyValue? upgraded = null;
            Guard(diagnostics, "upgrade", () =>
            {
                using var doc = JsonDocument.Parse(json);
                upgraded = Binding.Encode(upgrade(doc.RootElement));
            });
            if (upgraded is null) return new(nullState, [], diagnostics);
            state = upgraded;
        }
        else
        {
            diagnostics.AddError("No state upgrade path",
                $"The state of this {TypeName} has schema version {version}, and this provider cannot upgrade it to version {SchemaVersion}.");
            return new(nullState, [], diagnostics);
        }

        state = StateRules.EmptyBlocksNotNull(Block, state);
        return new(Finish(state, "upgrade", diagnostics), [], diagnostics);
    }

    /// <summary>The configured client's home id (account, organisation), when the part has one and the client is configured.</summary>
    private long? ConfiguredHome => services.Home is { } home && Clients.IsAvailable ? home.IdOf(Clients.Client) : null;

    private string? HomeAttribute
    {
        get
        {
            if (services.Home is not { } home) return null;
            if (Block.Attributes.FirstOrDefault(a => a.Name == home.Attribute) is not { Computed: true } attribute || !attribute.Type.Equals(CtyType.Number))
                throw new InvalidOperationException($"{TypeName} must declare the computed number attribute \"{home.Attribute}\" (the {home.What} it lives in).");
            return attribute.Name;
        }
    }

    /// <summary>The home recorded in a state, or null (older state, or not known yet).</summary>
    private long? HomeIn(CtyValue state) =>
        HomeAttribute is { } name && !state.IsNull && state.GetAttribute(name) is { IsKnown: true } value && value.AsNumber().TryGetInt64(out var id) ? id : null;

    /// <summary>The value with the configured home filled in (when known); <paramref name="onlyIfNotKnown"/> keeps a recorded one.</summary>
    private CtyValue WithHome(CtyValue value, bool onlyIfNotKnown = false)
    {
        if (HomeAttribute is not { } name || value.IsNull || !value.IsKnown || ConfiguredHome is not { } configured) return value;
        if (onlyIfNotKnown && value.GetAttribute(name).IsKnown) return value;
        var type = (CtyObjectType)value.Type;
        return CtyValue.Object(type, type.Attributes.Keys.Select(key =>
            KeyValuePair.Create(key, key == name ? CtyValue.Number(configured) : value.GetAttribute(key))));
    }

    /// <summary>
    /// False, with an error naming both ids, when the state records another home than the provider is configured for:
    /// nothing may be read, planned or written then, or a live object would look deleted and get a twin.
    /// </summary>
    private bool CheckHome(CtyValue state, DiagnosticList diagnostics)
    {
        if (services.Home is not { } home || HomeIn(state) is not { } recorded || ConfiguredHome is not { } configured || recorded == configured)
            return true;
        diagnostics.AddAttributeError(CtyPath.Attribute(home.Attribute), $"Object belongs to another {home.What}",
            $"{TypeName} {Describe(state)} lives in {home.What} {recorded}, but the provider is configured for {home.What} {configured} " +
            $"(set by {home.Setting}). Nothing was read or changed. Configure the provider for {home.What} {recorded} again to manage it; " +
            "to leave it where it is, remove it from this configuration's state with `terraform state rm`.");
        return false;
    }

    private static string Describe(CtyValue state) =>
        state.TryGetAttribute("id", out var id) && id.IsKnown && id.Type.Equals(CtyType.String) ? id.AsString() : "(no id)";

    /// <summary>The rules for every state returned to Terraform: write-only values null, nothing unknown.</summary>
    private CtyValue Finish(CtyValue state, string operation, DiagnosticList? reportUnknownsTo) =>
        StateRules.UnknownsToNull(Block, StateRules.NullWriteOnly(Block, state), TypeName, operation, reportUnknownsTo);

    private void Guard(DiagnosticList diagnostics, string operation, Action action) => ErrorGuard.Run(diagnostics, operation, action);

    /// <summary>
    /// Runs resource code and turns what it throws into diagnostics (<see cref="OperationGuard"/>). The one place where
    /// "not found" is decided: an error the provider part describes as confirmed gone (the client's verdict, never a bare
    /// 404) is success for a delete and returns false for a read (drop from state); for any other operation it is an
    /// error like any other.
    /// </summary>
    private async Task<bool> GuardAsync(DiagnosticList diagnostics, string operation, CancellationToken cancellationToken, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (ErrorGuard.Describe(e) is { IsConfirmedGone: true } && operation is "read" or "delete")
        {
            Logger.LogDebug("{Type}: {Operation} found the remote object gone", TypeName, operation);
            return operation != "read";
        }
        catch (Exception e)
        {
            ErrorGuard.Report(e, diagnostics, operation, cancellationToken);
            return true;
        }
    }
}
