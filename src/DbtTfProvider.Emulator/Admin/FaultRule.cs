namespace DbtTfProvider.Emulator.Admin;

/// <summary>One fault-injection rule of POST /_emulator/faults.</summary>
internal sealed class FaultRule
{
    public const string Status = "status";
    public const string Reset = "reset";
    public const string Latency = "latency";
    public const string CommitThenFail = "commit_then_fail";
    /// <summary>Processed latency_ms late, whether or not the client still waits: a commit that outlives the client's timeout.</summary>
    public const string SlowCommit = "slow_commit";
    public static readonly string[] Kinds = [Status, Reset, Latency, CommitThenFail, SlowCommit];

    public int Id { get; set; }
    /// <summary>HTTP method to match, or null for any.</summary>
    public string? Method { get; set; }
    /// <summary>Path prefix to match, or null for any API path.</summary>
    public string? PathPrefix { get; set; }
    /// <summary>Exact path to match (query excluded), or null; a prefix of an object also matches its sub-resources.</summary>
    public string? Path { get; set; }
    public string Kind { get; set; } = Status;
    /// <summary>The answer's status; for commit_then_fail 500 by default, 0 = reset the connection instead.</summary>
    public int? StatusCode { get; set; }
    public int? RetryAfterSeconds { get; set; }
    public int LatencyMs { get; set; }
    /// <summary>How many requests the rule hits before it is spent; null = until the rules are cleared.</summary>
    public int? Count { get; set; }
    /// <summary>Hit every Nth matching request.</summary>
    public int Every { get; set; } = 1;
    /// <summary>Matching requests seen so far.</summary>
    public int Seen { get; set; }
    /// <summary>Requests hit so far.</summary>
    public int Hits { get; set; }

    public bool Spent => Count is { } count && Hits >= count;

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal))
        && (Path is null || string.Equals(Path, path, StringComparison.Ordinal));
}
