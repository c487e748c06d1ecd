namespace DbtTfProvider.TestProvider.Items;

/// <summary>The store refuses a value; <c>Field</c> names it the way an API error would.</summary>
public sealed class ItemRejectedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
