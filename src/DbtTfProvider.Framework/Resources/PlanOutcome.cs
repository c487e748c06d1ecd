using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources;

/// <summary>What a plan returns to Terraform: the planned state, the paths that force replacement, the private state.</summary>
public sealed record PlanOutcome(CtyValue PlannedState, IReadOnlyList<CtyPath> RequiresReplace, byte[] PlannedPrivate, DiagnosticList Diagnostics);
