namespace DbtTfProvider.Emulator.State;

/// <summary>dbt Cloud's soft-delete states.</summary>
internal static class EntityState
{
    public const int Active = 1;
    public const int Deleted = 2;
}
