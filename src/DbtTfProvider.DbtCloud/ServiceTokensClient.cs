using DbtTfProvider.Http;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.DbtCloud;

public sealed partial class ServiceTokensClient
{
    private readonly IDbtCloudApi _api;
    private readonly long _accountId;
    private readonly ILogger _logger;
    private readonly CreateSafetyOptions _createSafety;

    internal ServiceTokensClient(IDbtCloudApi api, long accountId, ILogger logger, CreateSafetyOptions createSafety) =>
        (_api, _accountId, _logger, _createSafety) = (api, accountId, logger, createSafety);

    /// <summary>
    /// The longest name dbt Cloud stores for a token: 255 characters. Not in dbt Labs' OpenAPI files (nor checked by their
    /// provider); reconstructed from the 255-character limit of the v3 API's other stored strings, and enforced so by the
    /// emulator.
    /// </summary>
    public const int MaxNameLength = 255;

    /// <summary>Ids of active tokens whose name carries the marker <paramref name="nonce"/>.</summary>
    public async Task<IReadOnlyList<long>> FindMarkedAsync(string nonce, CancellationToken cancellationToken = default) =>
        (await ListAsync(DbtObjectState.Active, cancellationToken).ConfigureAwait(false))
            .Where(t => t.IsActive && CreateMarker.TryRead(t.Name, out var n) && n == nonce).Select(t => t.Id).ToList();

    /// <summary>
    /// Creates an active token; the answer carries <see cref="ServiceToken.TokenString"/>, the only time the secret is shown.
    /// The token is created under a marked name (<see cref="CreateMarker"/>) and renamed once confirmed. When the create
    /// ends unclear, a token carrying the marker cannot be used (its secret was in the lost answer), so it is deleted
    /// and the create sent again: one active token in the end, and no other token is ever touched
    /// (<see cref="DuplicateSafeCreate"/>). <paramref name="cancellationToken"/> is Terraform's stop: it keeps new
    /// requests from being sent, never a sent create from being resolved.
    /// </summary>
    public Task<ServiceToken> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var marker = _createSafety.NewMarker();
        var marked = marker.Mark(name, MaxNameLength);
        return DuplicateSafeCreate.RunAsync(new CreateSteps<ServiceToken>
        {
            What = $"service token \"{name}\"",
            Trace = $"a service token named \"{marked}\"",
            Marker = marker,
            BaseName = name,
            Kind = "service token",
            Where = "the account",
            Name = static t => t.Name,
            FindLeftoversAsync = async token => (await ListAsync(DbtObjectState.Active, token).ConfigureAwait(false))
                .Where(t => t.IsActive && CreateMarker.IsMarkedFormOf(t.Name, name, MaxNameLength)).ToList(),
            PostAsync = async token => Envelope.Data(await _api.CreateServiceTokenAsync(_accountId,
                new ServiceTokenCreateRequest { AccountId = _accountId, Name = marked, State = DbtObjectState.Active }, token).ConfigureAwait(false),
                "the service token create"),
            FindAsync = async token => (await ListAsync(DbtObjectState.Active, token).ConfigureAwait(false))
                .Where(t => t.IsActive && t.Name == marked).ToList(),
            Id = static t => t.Id,
            // A token found by the look-up came without its secret: nobody can use it.
            IsUsable = static t => t.TokenString is not null,
            DiscardAsync = (t, token) => DeleteAsync(t.Id, token),
            ConfirmAsync = async (t, token) =>
            {
                var renamed = await RenameAsync(t.Id, name, token).ConfigureAwait(false);
                renamed.TokenString = t.TokenString;
                return renamed;
            },
        }, _createSafety, _logger, cancellationToken);
    }

    /// <summary>
    /// The active token. A deleted token still answers 200, with <see cref="ServiceToken.State"/> 2: that is
    /// <see cref="ObjectGoneException"/>. A 404 never means "deleted" by itself (the spec has deleted tokens answer 200):
    /// the account's token list, which holds deleted tokens with their state, decides at once
    /// (<see cref="GoneCheck{T}.WitnessFirst"/>). Absent from it, or listed as deleted: gone. Listed as active: the 404
    /// was a stray one, and the token is read again.
    /// </summary>
    public Task<ServiceToken> GetAsync(long tokenId, CancellationToken cancellationToken = default) =>
        ConfirmedGone.ReadAsync(GoneCheck(tokenId), cancellationToken);

    private GoneCheck<ServiceToken> GoneCheck(long tokenId) => new()
    {
        Service = DbtCloudApiException.ServiceName,
        What = $"service token {tokenId}",
        ReadAsync = token => ReadAsync(tokenId, token),
        DeletedEvidence = static t => t.IsActive ? null : $"answered with state {t.State} (deleted)",
        WitnessFirst = true,
        WitnessAsync = async token => (await ListAsync(null, token).ConfigureAwait(false)).FirstOrDefault(t => t.Id == tokenId) switch
        {
            null => GoneWitness.Gone("answered 404, and the account's token list does not hold it"),
            { IsActive: false } listed => GoneWitness.Gone($"the account's token list holds it with state {listed.State} (deleted)"),
            _ => GoneWitness.Present("the account's token list shows it as active, so it is not taken for deleted; try again later"),
        },
        OnStrayNotFound = () => LogStrayNotFound(_logger, tokenId),
    };

    private async Task<ServiceToken> ReadAsync(long tokenId, CancellationToken cancellationToken) =>
        Envelope.Data(await _api.GetServiceTokenAsync(_accountId, tokenId, cancellationToken).ConfigureAwait(false), $"service token {tokenId}");

    /// <summary>Renames in place (PUT); the secret does not change.</summary>
    public async Task<ServiceToken> RenameAsync(long tokenId, string name, CancellationToken cancellationToken = default) =>
        Envelope.Data(await _api.RenameServiceTokenAsync(_accountId, tokenId, new ServiceTokenRenameRequest { Name = name }, cancellationToken)
            .ConfigureAwait(false), $"the rename of service token {tokenId}");

    /// <summary>Deletes (soft); a 404 is checked as <see cref="GetAsync"/> checks it (<see cref="ConfirmedGone"/>).</summary>
    public Task DeleteAsync(long tokenId, CancellationToken cancellationToken = default) =>
        ConfirmedGone.DeleteAsync(token => _api.DeleteServiceTokenAsync(_accountId, tokenId, token), GoneCheck(tokenId), cancellationToken);

    /// <summary>
    /// The account's tokens, every page; <paramref name="state"/> 1 lists only active ones (not in the spec's table:
    /// GET /v3/accounts/{a}/service-tokens/?state=).
    /// </summary>
    public async Task<IReadOnlyList<ServiceToken>> ListAsync(int? state = null, CancellationToken cancellationToken = default) =>
        await Envelope.ReadAllPagesByOffsetAsync((offset, token) => _api.ListServiceTokensAsync(_accountId, state, offset, token),
            "the service token list", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Assigns the grants (possible once per token) and returns them as read back with GET, every page: the POST's own
    /// answer is not read, as dbt Labs' client does not (the v3 spec does not document it). If the POST fails
    /// ambiguously, the grants are read: present means the POST was processed, absent means it is sent again.
    /// </summary>
    public async Task<IReadOnlyList<ServiceTokenGrant>> AssignGrantsAsync(long tokenId, IEnumerable<ServiceTokenGrantSpec> grants,
        CancellationToken cancellationToken = default)
    {
        var body = grants.Select(g => new ServiceTokenGrantRequest
        {
            AccountId = _accountId,
            ServiceTokenId = tokenId,
            PermissionSet = g.PermissionSet,
            AllProjects = g.AllProjects,
            ProjectId = g.AllProjects ? null : g.ProjectId,
            WritableEnvironmentCategories = g.WritableEnvironmentCategories.Count == 0 ? null : [.. g.WritableEnvironmentCategories],
        }).ToList();
        for (var post = 1; ; post++)
        {
            try
            {
                await _api.AssignGrantsAsync(_accountId, tokenId, body, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (AmbiguousRequestException) when (post < _createSafety.MaxPosts)
            {
                if ((await ListGrantsAsync(tokenId, cancellationToken).ConfigureAwait(false)).Count > 0)
                    break;
            }
        }
        return await ListGrantsAsync(tokenId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The token's grants, every page.</summary>
    public async Task<IReadOnlyList<ServiceTokenGrant>> ListGrantsAsync(long tokenId, CancellationToken cancellationToken = default) =>
        await Envelope.ReadAllPagesByOffsetAsync((offset, token) => _api.ListGrantsAsync(_accountId, tokenId, offset, token),
            $"the grants of service token {tokenId}", cancellationToken).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Warning, Message = "service token {TokenId}: a read answered 404, but the token list shows it active; reading it again")]
    private static partial void LogStrayNotFound(ILogger logger, long tokenId);
}
