using System.Security.Cryptography;

namespace DbtTfProvider.Emulator.State;

/// <summary>Secrets and public identifiers shaped like dbt Cloud's.</summary>
internal static class Secrets
{
    private const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string ServiceTokenString() => "dbtc_" + RandomNumberGenerator.GetString(UrlSafe, 40);

    public static string ServiceTokenUid() => RandomNumberGenerator.GetString(LowerAlphanumeric, 8);
}
