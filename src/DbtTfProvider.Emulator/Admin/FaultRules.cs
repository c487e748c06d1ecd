using System.Text.Json.Nodes;
using DbtTfProvider.Emulator.Json;

namespace DbtTfProvider.Emulator.Admin;

/// <summary>The active fault rules, and the decision for one request.</summary>
internal sealed class FaultRules
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _nextId = 1;

    /// <summary>What happens to a request: delays from every latency rule that fires, then at most one other fault.</summary>
    public readonly record struct Decision(int LatencyMs, string? Kind, int StatusCode, int? RetryAfterSeconds, int CommitDelayMs = 0);

    public Decision Decide(string method, string path)
    {
        lock (_gate)
        {
            var latency = 0;
            FaultRule? decisive = null;
            foreach (var rule in _rules)
            {
                if (rule.Spent || !rule.Matches(method, path))
                {
                    continue;
                }
                if (rule.Kind != FaultRule.Latency && decisive is not null)
                {
                    // One failure per request: later rules do not see a request that an earlier one already fails.
                    continue;
                }
                rule.Seen++;
                if (rule.Seen % Math.Max(rule.Every, 1) != 0)
                {
                    continue;
                }
                rule.Hits++;
                if (rule.Kind == FaultRule.Latency)
                {
                    latency += rule.LatencyMs;
                }
                else
                {
                    decisive = rule;
                }
            }
            return decisive is null
                ? new Decision(latency, null, 0, null)
                : new Decision(latency, decisive.Kind, decisive.StatusCode ?? 500, decisive.RetryAfterSeconds, decisive.LatencyMs);
        }
    }

    public FaultRule Add(FaultRule rule)
    {
        lock (_gate)
        {
            rule.Id = _nextId++;
            _rules.Add(rule);
            return rule;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public JsonArray Describe()
    {
        lock (_gate)
        {
            return new JsonArray(_rules.Select(r => (JsonNode)Describe(r)).ToArray());
        }
    }

    public static JsonObject Describe(FaultRule rule) => new()
    {
        ["id"] = rule.Id,
        ["method"] = rule.Method,
        ["path_prefix"] = rule.PathPrefix,
        ["path"] = rule.Path,
        ["kind"] = rule.Kind,
        ["status"] = rule.StatusCode,
        ["retry_after_seconds"] = rule.RetryAfterSeconds,
        ["latency_ms"] = rule.LatencyMs,
        ["count"] = rule.Count,
        ["every"] = rule.Every,
        ["seen"] = rule.Seen,
        ["hits"] = rule.Hits,
        ["spent"] = rule.Spent,
    };

    /// <summary>A rule from the admin body; errors name the field.</summary>
    public static FaultRule? Read(FieldReader reader, JsonNode? body)
    {
        var root = reader.Root(body);
        if (!root.Exists)
        {
            return null;
        }
        var rule = new FaultRule
        {
            Method = root.String("method", Presence.Nullable),
            PathPrefix = root.String("path_prefix", Presence.Nullable),
            Path = root.String("path", Presence.Nullable),
            Kind = root.OneOf("kind", Presence.Required, FaultRule.Kinds) ?? FaultRule.Status,
            StatusCode = root.Int("status", Presence.Nullable),
            RetryAfterSeconds = root.Int("retry_after_seconds", Presence.Nullable),
            LatencyMs = root.Int("latency_ms", Presence.Nullable) ?? 0,
            Count = root.Int("count", Presence.Nullable),
            Every = root.Int("every", Presence.Nullable) ?? 1,
        };
        if (rule.Kind == FaultRule.Status && rule.StatusCode is not (>= 400 and <= 599))
        {
            root.Fail("status", "a status fault needs a status between 400 and 599");
        }
        if (rule.Kind == FaultRule.CommitThenFail && rule.StatusCode is not (null or 0 or (>= 400 and <= 599)))
        {
            root.Fail("status", "commit_then_fail answers 400-599, or resets the connection with 0");
        }
        if (rule.Kind is FaultRule.Latency or FaultRule.SlowCommit && rule.LatencyMs <= 0)
        {
            root.Fail("latency_ms", $"a {rule.Kind} fault needs latency_ms > 0");
        }
        if (rule.LatencyMs < 0)
        {
            root.Fail("latency_ms", "must be at least 0");
        }
        if (rule.Count is < 1)
        {
            root.Fail("count", "must be at least 1 (or null for no limit)");
        }
        if (rule.Every < 1)
        {
            root.Fail("every", "must be at least 1");
        }
        if (rule.RetryAfterSeconds is < 0)
        {
            root.Fail("retry_after_seconds", "must be at least 0");
        }
        return rule;
    }
}
