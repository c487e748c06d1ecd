namespace DbtTfProvider.Emulator.State;

/// <summary>
/// Everything the emulator knows, behind one lock: the provider sends concurrent requests, and the Datafold side
/// reads the dbt Cloud side (tokens, jobs) to cross-check, so one lock keeps every answer consistent.
/// </summary>
internal sealed class EmulatorState
{
    // Id ranges differ per kind so that a client that mixes up a token id and a job id gets a 404, not a wrong object.
    private const int FirstServiceTokenId = 1001;
    private const int FirstGrantId = 2001;
    private const int FirstJobId = 3001;
    private const int FirstRunId = 4001;
    private const int FirstCiConfigId = 501;

    private int _nextServiceTokenId, _nextGrantId, _nextJobId, _nextRunId, _nextCiConfigId;

    public EmulatorState(EmulatorSeed seed)
    {
        Seed = seed;
        Reset();
    }

    public Lock Gate { get; } = new();

    public EmulatorSeed Seed { get; }

    public SortedDictionary<int, ServiceToken> ServiceTokens { get; } = [];

    public SortedDictionary<int, Job> Jobs { get; } = [];

    public SortedDictionary<int, Run> Runs { get; } = [];

    public SortedDictionary<int, CiConfig> CiConfigs { get; } = [];

    /// <summary>Back to the seed (the caller holds <see cref="Gate"/> or owns the state alone).</summary>
    public void Reset()
    {
        ServiceTokens.Clear();
        Jobs.Clear();
        Runs.Clear();
        CiConfigs.Clear();
        _nextServiceTokenId = FirstServiceTokenId;
        _nextGrantId = FirstGrantId;
        _nextJobId = FirstJobId;
        _nextRunId = FirstRunId;
        _nextCiConfigId = FirstCiConfigId;
    }

    public int NewServiceTokenId() => _nextServiceTokenId++;
    public int NewGrantId() => _nextGrantId++;
    public int NewJobId() => _nextJobId++;
    public int NewRunId() => _nextRunId++;
    public int NewCiConfigId() => _nextCiConfigId++;

    public SeedAccount? Account(int id) => Seed.DbtCloud.Accounts.FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// An active project of the account, or null: a deleted one (state 2) is not found by id, as a deleted job is not
    /// (a reconstruction for projects), and nothing can be made in it.
    /// </summary>
    public SeedProject? Project(int accountId, int projectId) =>
        Seed.DbtCloud.Projects.FirstOrDefault(p => p.Id == projectId && p.AccountId == accountId && p.State == EntityState.Active);

    /// <summary>Every project of the account, deleted ones too (with state 2), as dbt Cloud's list shows them.</summary>
    public IEnumerable<SeedProject> Projects(int accountId) =>
        Seed.DbtCloud.Projects.Where(p => p.AccountId == accountId).OrderBy(p => p.Id);

    /// <summary>An active environment of an active project of the account, or null.</summary>
    public SeedEnvironment? Environment(int accountId, int environmentId) =>
        Seed.DbtCloud.Environments.FirstOrDefault(e => e.Id == environmentId && e.State == EntityState.Active && Project(accountId, e.ProjectId) is not null);

    /// <summary>Every environment of the project, deleted ones too (with state 2).</summary>
    public IEnumerable<SeedEnvironment> Environments(int projectId) =>
        Seed.DbtCloud.Environments.Where(e => e.ProjectId == projectId).OrderBy(e => e.Id);

    public int AccountOfProject(int projectId) => Seed.DbtCloud.Projects.First(p => p.Id == projectId).AccountId;

    /// <summary>Who a dbt Cloud secret belongs to: a seeded admin token, or a service token while it is active.</summary>
    public DbtCaller? DbtCallerFor(string secret)
    {
        if (Seed.DbtCloud.AdminTokens.FirstOrDefault(t => t.Token == secret) is { } admin)
        {
            return new DbtCaller(admin.AccountIds.ToHashSet(), null);
        }
        if (ActiveServiceToken(secret) is { } token)
        {
            return new DbtCaller(new HashSet<int> { token.AccountId }, token.Id);
        }
        return null;
    }

    public ServiceToken? ServiceTokenBySecret(string secret) =>
        ServiceTokens.Values.FirstOrDefault(t => t.TokenString == secret);

    private ServiceToken? ActiveServiceToken(string secret) =>
        ServiceTokenBySecret(secret) is { State: EntityState.Active } token ? token : null;

    public DatafoldCaller? DatafoldCallerFor(string apiKey)
    {
        foreach (var organization in Seed.Datafold.Organizations)
        {
            if (organization.ApiKeys.FirstOrDefault(k => k.Key == apiKey) is { } key)
            {
                return new DatafoldCaller(organization, key);
            }
        }
        return null;
    }

    public SeedDataSource? DataSource(int organizationId, int id) =>
        Seed.Datafold.DataSources.FirstOrDefault(d => d.Id == id && d.OrganizationId == organizationId);

    public SeedRepository? Repository(int organizationId, int id) =>
        Seed.Datafold.Repositories.FirstOrDefault(r => r.Id == id && r.OrganizationId == organizationId);
}
