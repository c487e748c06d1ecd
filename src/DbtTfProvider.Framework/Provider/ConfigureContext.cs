using DbtTfProvider.Framework.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Framework.Provider;

/// <summary>What a part's configure function gets besides its typed configuration.</summary>
public sealed class ConfigureContext
{
    internal ConfigureContext(string terraformVersion, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        TerraformVersion = terraformVersion;
        LoggerFactory = loggerFactory;
        CancellationToken = cancellationToken;
    }

    public string TerraformVersion { get; }
    public ILoggerFactory LoggerFactory { get; }
    /// <summary>Cancelled when Terraform stops the provider.</summary>
    public CancellationToken CancellationToken { get; }
    /// <summary>Warnings and errors for the provider block; use <c>AddAttributeError("token", …)</c> to point at a setting.</summary>
    public DiagnosticList Diagnostics { get; } = new();
}
