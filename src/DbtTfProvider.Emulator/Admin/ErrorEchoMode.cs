using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.DbtCloud;

namespace DbtTfProvider.Emulator.Admin;

/// <summary>
/// "Echo" mode (POST /_emulator/echo {"enabled": true}), off by default and after a reset: every error answer of
/// either API echoes the request, as a careless real service might. The request's credential (the Authorization
/// header's secret) and its body go into the messages: dbt Cloud's <c>user_message</c> and <c>developer_message</c>,
/// each reason of a 400's <c>data</c> ("... (got VALUE)"), Datafold's string <c>detail</c>, and each 422 error's
/// <c>msg</c> plus an <c>input</c> with the value sent at its <c>loc</c> (as pydantic does). Injected faults echo too.
/// </summary>
internal sealed class ErrorEchoMode
{
    private volatile bool _enabled;

    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    public JsonObject Describe() => new() { ["enabled"] = Enabled };
}
