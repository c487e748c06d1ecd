namespace DbtTfProvider.Emulator.State;

/// <summary>A dbt Cloud job as stored (the request fields of the spec plus timestamps).</summary>
internal sealed class Job
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public int ProjectId { get; set; }
    public int EnvironmentId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> ExecuteSteps { get; set; } = [];
    public string? DbtVersion { get; set; }
    public JobSettings Settings { get; set; } = new();
    public JobExecution Execution { get; set; } = new();
    public int State { get; set; } = EntityState.Active;
    public bool GenerateDocs { get; set; }
    public bool RunGenerateSources { get; set; }
    public JobTriggers Triggers { get; set; } = new();
    public JobSchedule Schedule { get; set; } = new();
    public int? DeferringEnvironmentId { get; set; }
    public string JobType { get; set; } = "scheduled";
    public bool TriggersOnDraftPr { get; set; }
    public bool RunLint { get; set; }
    public bool ErrorsOnLintFailure { get; set; } = true;
    public bool RunCompareChanges { get; set; }
    public string CompareChangesFlags { get; set; } = "--select state:modified";

    /// <summary>Started when another job finishes ("job completion trigger"), or null.</summary>
    public JobCompletionTrigger? JobCompletionTriggerCondition { get; set; }

    /// <summary>
    /// State-aware orchestration, legacy form: null on CI and merge jobs (which refuse it); on other jobs what was sent,
    /// else true (SAO off), so that a job read back carries a value a careless client would send back.
    /// </summary>
    public bool? ForceNodeSelection { get; set; }

    /// <summary>State-aware orchestration, current form (e.g. ["dbt_state"]).</summary>
    public List<string> CostOptimizationFeatures { get; set; } = [];

    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
}
