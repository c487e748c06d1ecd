using System.Text.Json.Serialization;

namespace DbtTfProvider.DbtCloud;

/// <summary>A service token as the service returns it. <see cref="TokenString"/> is set only in the answer to a create.</summary>
public sealed class ServiceToken
{
    public long Id { get; set; }
    public long AccountId { get; set; }

    /// <summary>The token's short public identifier.</summary>
    public string? Uid { get; set; }

    public string Name { get; set => field = value ?? ""; } = "";
    public int State { get; set; } = DbtObjectState.Active;
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }

    /// <summary>The secret; returned only when the token is created, never again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TokenString { get; set; }

    [JsonIgnore]
    public bool IsActive => State == DbtObjectState.Active;

    // No ToString that could print the secret.
    public override string ToString() => $"service token {Id} \"{Name}\"";
}

public sealed class ServiceTokenCreateRequest
{
    public long AccountId { get; set; }
    public string Name { get; set; } = "";
    public int State { get; set; } = DbtObjectState.Active;
}

public sealed class ServiceTokenRenameRequest
{
    public string Name { get; set; } = "";
}

/// <summary>
/// One permission grant of a service token, as the service answers it. A null where the spec has a string or a list
/// reads as the empty value, so that a read never fails on it.
/// </summary>
public sealed class ServiceTokenGrant
{
    public long? Id { get; set; }
    public long AccountId { get; set; }
    public long ServiceTokenId { get; set; }
    public string PermissionSet { get; set => field = value ?? ""; } = "";
    public bool AllProjects { get; set; }

    /// <summary>Null when <see cref="AllProjects"/>.</summary>
    public long? ProjectId { get; set; }

    public List<string> WritableEnvironmentCategories { get; set => field = value ?? []; } = [];

    public int? State { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
}

/// <summary>
/// One grant of a permissions POST, shaped as dbt Labs' client sends it: <c>project_id</c> left out for an
/// all-projects grant (the spec types it integer, not nullable), <c>writable_environment_categories</c> left out when
/// empty (omitted and empty both mean no write access).
/// </summary>
public sealed class ServiceTokenGrantRequest
{
    public long AccountId { get; set; }
    public long ServiceTokenId { get; set; }
    public string PermissionSet { get; set; } = "";
    public bool AllProjects { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? ProjectId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? WritableEnvironmentCategories { get; set; }
}
