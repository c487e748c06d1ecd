using System.Globalization;

namespace DbtTfProvider.Emulator.State;

/// <summary>Timestamps as both services print them (ISO 8601, microseconds, explicit UTC offset).</summary>
internal static class Clock
{
    /// <summary>The creation time of everything in the seed, so that dumps of a fresh emulator are identical.</summary>
    public const string SeedTime = "2024-01-01T00:00:00.000000+00:00";

    public static string Now() => Format(DateTimeOffset.UtcNow);

    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
