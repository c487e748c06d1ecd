namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// Implemented by resources that can be imported (<c>import { id = "…" }</c>): a
/// resource without it answers import requests with a clear error.
/// </summary>
public interface IImportableResource<TModel, TClient> where TModel : class, new() where TClient : class
{
    /// <summary>Set <c>context.State</c> to a stub (usually just the id); Terraform then calls Read.</summary>
    Task ImportAsync(ImportContext<TModel, TClient> context);
}
