using Microsoft.AspNetCore.Routing.Patterns;

namespace DbtTfProvider.Emulator.Admin;

/// <summary>Marks the endpoints of the emulated APIs (not the admin ones, not the fallback).</summary>
internal sealed class ApiRoute
{
    public static readonly ApiRoute Instance = new();
}
