namespace DbtTfProvider.Framework.Resources;

/// <summary>How code run by <see cref="OperationGuard"/> ended.</summary>
internal enum GuardOutcome
{
    /// <summary>It returned; it may still have reported errors in its context's diagnostics.</summary>
    Completed,
    /// <summary>It threw; the error is in the diagnostics.</summary>
    Failed,
    /// <summary>
    /// It threw an error the provider part describes as confirmed gone, and the operation takes that as its answer
    /// (<see cref="ResourceOperation.GoneAnswersIt"/>); nothing was added to the diagnostics.
    /// </summary>
    ConfirmedGone,
}
