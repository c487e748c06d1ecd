using DbtTfProvider.Framework.Diagnostics;

namespace DbtTfProvider.Framework.Resources.Operations;

/// <summary>
/// A <see cref="NamesakeCheck{TModel, TClient}"/> run as an on-create <see cref="ServiceCheck{TModel, TClient}"/>: the
/// scope's listing (shared, <see cref="NamesakeRun"/>), the objects of this kind with exactly the planned name other
/// than the one a replacement replaces and those Terraform's state holds, and one warning at the name that lists them.
/// </summary>
internal static class NamesakeWarning
{
    /// <summary>How many namesakes the warning names; more are counted.</summary>
    private const int Shown = 5;

    public static ServiceCheck<TModel, TClient> Check<TModel, TClient>(string typeName, NamesakeCheck<TModel, TClient> check)
        where TModel : class where TClient : class =>
        new([check.NameAttribute, .. check.ScopeAttributes], context => RunAsync(typeName, check, context)) { OnCreateOnly = true, WarnsOnly = true };

    private static async Task RunAsync<TModel, TClient>(string typeName, NamesakeCheck<TModel, TClient> check, ServiceCheckContext<TModel, TClient> context)
        where TModel : class where TClient : class
    {
        var client = context.Client;
        var name = check.Name(context.Plan);
        var where = check.Where(client, context.Plan);
        var run = NamesakeRun.Of(client);
        var listed = await run.ListAsync(check.Listing, where, () => check.ListAsync(client, context.Plan, context.CancellationToken));
        var found = listed.Where(n => string.Equals(n.Name, name, StringComparison.Ordinal) && check.Admits(n)
                                      && n.Id != context.Replaces && !run.Holds(check.Listing, n.Id)).ToList();
        if (found.Count == 0) return;
        context.Warn(check.NameAttribute, $"A {check.Kind} named {DisplayText.Quote(name)} already exists", Detail(typeName, check.Kind, name, where, found));
    }

    private static string Detail(string typeName, string kind, string name, string where, List<Namesake> found)
    {
        var listed = string.Join(", ", found.Take(Shown).Select(n => n.CreatedAt is { } at ? $"{n.Id} (created {at})" : n.Id)) +
                     (found.Count > Shown ? $" and {found.Count - Shown} more" : "");
        var first = found[0].Id;
        var holds = found.Count == 1 ? $"{where} already has a {kind} named {DisplayText.Quote(name)}: id {listed}."
            : $"{where} already has {found.Count} {kind}s named {DisplayText.Quote(name)}: ids {listed}.";
        return $"{holds} This plan creates another. A `terraform apply` stopped after the service made the {kind} but before Terraform " +
               "saved its state (terraform killed, or its runner lost) leaves exactly this: the object, and nothing in state. " +
               $"If it is this resource's, import it instead of creating another: `terraform import '{typeName}.<name in your configuration>' {first}` " +
               $"(or an `import` block with id = \"{first}\"), then plan again. If it is someone else's, give this resource another name. " +
               $"Applying this plan as it is makes a second {kind} named {DisplayText.Quote(name)}; the provider neither adopts nor deletes an object " +
               "it cannot prove is its own. (During the apply of a create_before_destroy replacement, Terraform no longer shows the provider the " +
               "object being replaced, so this warning may name that object: it is deleted once its replacement exists, and nothing needs doing.)";
    }
}
