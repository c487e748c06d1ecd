namespace DbtTfProvider.Http;

/// <summary>The reason the service gave for one field, at its path in the request body (e.g. schedule.date.cron).</summary>
public sealed record ApiFieldError(IReadOnlyList<string> Path, string Message)
{
    public string DottedPath => string.Join('.', Path);

    public override string ToString() => Path.Count == 0 ? Message : $"{DottedPath}: {Message}";
}
