namespace DbtTfProvider.Framework.Tests.Fixtures;

/// <summary>An in-memory API with switches for the failure modes the framework must handle.</summary>
public sealed class WidgetApi
{
    public readonly Dictionary<string, WidgetModel> Objects = [];
    public readonly Dictionary<string, string?> Passwords = [];
    public int NextId = 1;
    public bool FailAfterCreate;
    public bool ForgetSecret;
    public bool RenameOnCreate;
    public bool HangOnCreate;
    public string? RejectField;
    public int ReadCalls;
}
