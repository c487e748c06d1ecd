namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// One operation the framework runs resource or data source code for. Each is data: the word messages use for it,
/// and whether the service's confirmation that the object is gone answers it (<see cref="OperationGuard"/>).
/// </summary>
internal sealed class ResourceOperation
{
    private ResourceOperation(string name, bool goneAnswersIt = false, string? whenCancelled = null)
    {
        Name = name;
        GoneAnswersIt = goneAnswersIt;
        WhenCancelled = whenCancelled ?? $"the {name} was cancelled because Terraform stopped the provider. " +
            "The remote object may be partly changed; run terraform plan to see its state.";
    }

    public static readonly ResourceOperation Validate = new("validate");
    public static readonly ResourceOperation Plan = new("plan");
    public static readonly ResourceOperation Create = new("create");
    public static readonly ResourceOperation Update = new("update");
    /// <summary>A confirmed-gone object is deleted already: the delete succeeded.</summary>
    public static readonly ResourceOperation Delete = new("delete", goneAnswersIt: true);
    /// <summary>A confirmed-gone object leaves state.</summary>
    public static readonly ResourceOperation Read = new("read", goneAnswersIt: true);
    public static readonly ResourceOperation Import = new("import");
    public static readonly ResourceOperation UpgradeState = new("upgrade");
    public static readonly ResourceOperation MoveState = new("move");
    /// <summary>A data source reads and changes nothing; "gone" is an error like any other for it.</summary>
    public static readonly ResourceOperation ReadDataSource = new("read data source",
        whenCancelled: "the read was cancelled because Terraform stopped the provider.");

    /// <summary>The word messages use: "the create was cancelled", "Unexpected error during read".</summary>
    public string Name { get; }

    /// <summary>
    /// Whether an error the provider part describes as confirmed gone is this operation's answer rather than its
    /// failure (read: drop from state; delete: done).
    /// </summary>
    public bool GoneAnswersIt { get; }

    /// <summary>What a cancelled operation tells the user (after the type name): a data source read changed nothing.</summary>
    public string WhenCancelled { get; }

    public override string ToString() => Name;
}
