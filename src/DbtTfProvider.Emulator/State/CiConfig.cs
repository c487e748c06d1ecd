namespace DbtTfProvider.Emulator.State;

/// <summary>A Datafold dbt Cloud CI integration as stored, secret included (the API view hides it).</summary>
internal sealed class CiConfig
{
    public int Id { get; set; }
    public string Type { get; set; } = "dbt_cloud";
    public int OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public int RepoId { get; set; }
    public int DataSourceId { get; set; }
    public CiDbtCloud DbtCloud { get; set; } = new();
    public string PrimaryKeyTag { get; set; } = "primary-key";
    public bool Enabled { get; set; } = true;
    public bool ImportDbtMetadata { get; set; }
    public bool SlimDiff { get; set; }
    public bool DiffHightouchModels { get; set; }
    public bool FailOnPrimaryKeyIssues { get; set; }
    public bool RequireLabel { get; set; }
    public int? DiffThreshold { get; set; }
    public List<string> FilesToIgnore { get; set; } = [];
    public string? CustomBaseBranch { get; set; }
    public string BaseCommitStrategy { get; set; } = "merge_base";
    public bool FailOnErrors { get; set; } = true;
    public CiSampling? Sampling { get; set; }
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
}
