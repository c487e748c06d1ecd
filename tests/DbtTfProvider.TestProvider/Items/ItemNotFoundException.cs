namespace DbtTfProvider.TestProvider.Items;

public sealed class ItemNotFoundException(string id) : Exception($"No item {id} in the store.");
