namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// An object the service holds in the scope a <see cref="NamesakeCheck{TModel, TClient}"/> lists: its id (as the
/// resource's import takes it), its name, when it was made (as the service writes it, when it says) and its type where
/// one listing holds several kinds (a job's <c>job_type</c>), for <see cref="NamesakeCheck{TModel, TClient}.Admits"/>.
/// </summary>
public sealed record Namesake(string Id, string Name, string? CreatedAt = null, string? Type = null);
