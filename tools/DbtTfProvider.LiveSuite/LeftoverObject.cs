namespace DbtTfProvider.LiveSuite;

/// <summary>An object of a live run found by <see cref="Sweeper"/>: what it is, its name and age, and how to delete it.</summary>
public sealed record LeftoverObject(string Kind, long Id, string Name, DateTimeOffset? CreatedAt, Func<CancellationToken, Task> DeleteAsync)
{
    public override string ToString() =>
        $"{Kind} {Id} \"{Name}\" ({(CreatedAt is { } at ? "created " + at.ToString("u") : "creation time unknown")})";
}
