namespace DbtTfProvider.Framework.Resources;

internal static class StateMoves
{
    public const string DefaultRegistry = "registry.terraform.io";

    /// <summary><c>namespace/type</c> means the public registry, as in <c>required_providers</c>.</summary>
    public static string NormalizeAddress(string address) =>
        address.Count(c => c == '/') == 1 ? $"{DefaultRegistry}/{address}" : address;
}
