namespace DbtTfProvider.DbtCloud;

/// <summary>Soft delete: every object carries a state.</summary>
public static class DbtObjectState
{
    public const int Active = 1;
    public const int Deleted = 2;
}
