namespace DbtTfProvider.Parts;

/// <summary>
/// One configure call's inputs to <see cref="ServiceConfigurator"/>: the required settings left unset, how to build the
/// client, the host as written and as used, and the credential check with the refusals it knows.
/// </summary>
public sealed record ServiceConnection<TClient>
{
    /// <summary>Required settings (of <see cref="ServiceProfile.Required"/>) that have no value, neither written nor from the environment.</summary>
    public required IReadOnlyCollection<ServiceSetting> Unset { get; init; }

    /// <summary>Builds the client; a rejected option (<c>ClientOptionsException</c>) becomes an error on that setting.</summary>
    public required Func<TClient> Create { get; init; }

    /// <summary>The host setting as written (null when the default applies).</summary>
    public required string? GivenHost { get; init; }

    /// <summary>The address the client uses.</summary>
    public required Func<TClient, Uri> UsedHost { get; init; }

    /// <summary>The credential check, once per configure; null when the user chose to skip it.</summary>
    public required Func<TClient, CancellationToken, Task>? Check { get; init; }

    /// <summary>The check's refusals that point at a credential or account setting rather than at the host.</summary>
    public IReadOnlyList<CredentialRejection<TClient>> Rejections { get; init; } = [];
}
