namespace DbtTfProvider.Framework.Provider;

/// <summary>
/// Where every object of a provider part lives: a dbt Cloud account, a Datafold organisation. Each resource of the
/// part declares a computed number attribute named <see cref="Attribute"/>; the framework fills it from the configured
/// client on create, import and read, and refuses to refresh, plan, update or delete an object recorded under another
/// home than the provider is configured for, naming both ids, before any request. So a changed account or API key
/// can never make the provider take a live object for deleted and create a twin elsewhere.
/// </summary>
/// <param name="Attribute">The state attribute, e.g. <c>account_id</c>.</param>
/// <param name="What">What the id names, for messages: "dbt Cloud account".</param>
/// <param name="Setting">What chooses it in the provider, for messages: "account_id or DBT_CLOUD_ACCOUNT_ID".</param>
/// <param name="IdOf">The configured client's home id, or null when it is not known.</param>
public sealed record ResourceHome<TClient>(string Attribute, string What, string Setting, Func<TClient, long?> IdOf) where TClient : class;
