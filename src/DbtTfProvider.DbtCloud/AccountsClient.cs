using DbtTfProvider.Http;

namespace DbtTfProvider.DbtCloud;

public sealed class AccountsClient
{
    private readonly IDbtCloudApi _api;

    internal AccountsClient(IDbtCloudApi api) => _api = api;

    /// <summary>The accounts the token can see.</summary>
    public async Task<IReadOnlyList<DbtAccount>> ListAsync(CancellationToken cancellationToken = default) =>
        Envelope.Data(await _api.ListAccountsAsync(cancellationToken).ConfigureAwait(false), "the account list");

    /// <summary>
    /// Fails unless the token is valid (401: <see cref="ApiErrorKind.Unauthorized"/>) and sees <paramref name="accountId"/>
    /// (else <see cref="ApiErrorKind.Forbidden"/> with a message that says what to fix).
    /// </summary>
    public async Task<DbtAccount> CheckCredentialsAsync(long accountId, CancellationToken cancellationToken = default)
    {
        var accounts = await ListAsync(cancellationToken).ConfigureAwait(false);
        return accounts.FirstOrDefault(a => a.Id == accountId) ?? throw new DbtCloudApiException(
            $"the token is valid but cannot see account {accountId}; {SeenAccounts(accounts)}: check the account id, the token's permissions or IP restrictions",
            null, ApiErrorKind.Forbidden, [], null, null, "GET", "/v2/accounts/");
    }

    /// <summary>The accounts the token does see (the list is at hand): most often the right id is among them.</summary>
    private static string SeenAccounts(IReadOnlyList<DbtAccount> accounts)
    {
        const int shown = 20;
        if (accounts.Count == 0) return "it sees no account";
        var names = string.Join(", ", accounts.Take(shown).Select(a => $"{a.Id} (\"{a.Name}\")"));
        return $"it sees account{(accounts.Count == 1 ? "" : "s")} {names}{(accounts.Count > shown ? $" and {accounts.Count - shown} more" : "")}";
    }
}
