namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// A plan-time check of the configuration against the service: a read (never a write) that fails the plan where the
/// apply would fail, e.g. "the environment belongs to the project". The framework runs it during the plan only when
/// the provider is configured, every attribute in <paramref name="Attributes"/> is wholly known, and the object is
/// being created or one of those attributes changes: a no-op plan never runs it, so a refresh stays one read per object.
/// The check reports a verdict as an error in <c>context.Diagnostics</c> at the attribute at fault (or a warning, when
/// the apply would succeed but probably not do what was meant). An exception is no
/// verdict (the service failed, or forbade the read): the framework turns it into a warning at the first attribute and
/// the plan goes on, so that an outage cannot block every plan; the apply's own validation decides then.
/// </summary>
public sealed record ServiceCheck<TModel, TClient>(IReadOnlyList<string> Attributes, Func<ServiceCheckContext<TModel, TClient>, Task> RunAsync)
    where TModel : class where TClient : class
{
    /// <summary>Runs on create only, never when its attributes change on an existing object (<see cref="NamesakeCheck{TModel, TClient}"/>).</summary>
    public bool OnCreateOnly { get; init; }

    /// <summary>
    /// The check never fails the plan, it only warns: it runs only when no check before it failed the plan (a warning
    /// beside an error to fix first is noise, and its read may fail for the same reason, e.g. a project that does not exist).
    /// </summary>
    public bool WarnsOnly { get; init; }

    /// <summary>What the check is about, for the warning when it cannot be made ("project_id and environment_id").</summary>
    public string What => Attributes.Count == 1 ? Attributes[0] : string.Join(", ", Attributes.Take(Attributes.Count - 1)) + " and " + Attributes[^1];
}
