namespace DbtTfProvider.LiveSuite;

/// <summary>An age on the command line: "0", "45s", "30m", "2h", "3d".</summary>
public static class DurationArgument
{
    public static TimeSpan Parse(string value)
    {
        if (value == "0") return TimeSpan.Zero;
        if (value.Length >= 2 && double.TryParse(value[..^1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            switch (value[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }
        throw new ArgumentException($"--older-than: \"{value}\" is not an age (0, 45s, 30m, 2h, 3d)");
    }
}
