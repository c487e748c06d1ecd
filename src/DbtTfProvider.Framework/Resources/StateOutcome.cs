using DbtTfProvider.Framework.Diagnostics;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Resources;

/// <summary>What an apply, read, import, upgrade or move returns to Terraform: the new state and the private state.</summary>
public sealed record StateOutcome(CtyValue State, byte[] Private, DiagnosticList Diagnostics);
