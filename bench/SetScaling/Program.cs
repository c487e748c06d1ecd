// Validates and plans a dbtcloud_service_token whose service_token_permissions set holds N blocks, through the
// provider's own gRPC service class (msgpack decode, validators, planning) in this process, and prints the median
// time per size. The target (issue 8, case 10): 16,000 blocks validate in under 1 s.
using System.Diagnostics;
using DbtTfProvider;
using DbtTfProvider.Framework.Server;
using DbtTfProvider.Plugin.Cty;
using Microsoft.Extensions.Logging.Abstractions;
using Tfplugin6;

const string TypeName = "dbtcloud_service_token";
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1_000, 2_000, 4_000, 8_000, 16_000];
var runs = int.TryParse(Environment.GetEnvironmentVariable("RUNS"), out var r) ? r : 5;

var server = new ProviderServer(DbtTfProviderDefinition.Create(), NullLoggerFactory.Instance,
    new ProviderServerOptions { ExecutableName = "terraform-provider-dbtcloud", Environment = _ => null });
var resource = server.Runtime.Resources[TypeName];
var type = (CtyObjectType)resource.Block.ImpliedType;
var permissionSetType = (CtySetType)type.Attributes["service_token_permissions"];
var permissionType = (CtyObjectType)permissionSetType.Element;

var exitCode = 0;
Console.WriteLine($"{"blocks",8} {"validate (median)",18} {"plan create (median)",21}");
foreach (var n in sizes)
{
    var config = Config(n);
    var bytes = CtyMsgPack.Encode(config, type);
    var validateRequest = new ValidateResourceConfig.Types.Request
    {
        TypeName = TypeName,
        Config = new DynamicValue { Msgpack = Google.Protobuf.ByteString.CopyFrom(bytes) },
    };
    var validate = Median(runs, () =>
    {
        var response = server.ValidateResourceConfig(validateRequest, null!).Result;
        if (response.Diagnostics.Count > 0) throw new InvalidOperationException($"validation reported: {response.Diagnostics[0].Summary}: {response.Diagnostics[0].Detail}");
    });
    var plan = Median(runs, () =>
    {
        var decoded = CtyMsgPack.Decode(bytes, type);
        var outcome = resource.PlanAsync(CtyValue.Null(type), decoded, decoded, [], CancellationToken.None).Result;
        if (outcome.Diagnostics.HasErrors) throw new InvalidOperationException("planning reported an error");
    });
    Console.WriteLine($"{n,8} {validate.TotalMilliseconds,15:0.0} ms {plan.TotalMilliseconds,18:0.0} ms");
    if (n == 16_000 && validate >= TimeSpan.FromSeconds(1)) exitCode = 1;
}
Console.WriteLine(exitCode == 0 ? "target met: 16,000 blocks validate in under 1 s (or not measured)" : "TARGET MISSED: 16,000 blocks took 1 s or more to validate");
return exitCode;

CtyValue Config(int n)
{
    var categories = CtyValue.Set(CtyType.String, [CtyValue.String("development"), CtyValue.String("staging")]);
    var permissions = Enumerable.Range(1, n).Select(i => CtyValue.Object(permissionType, permissionType.Attributes.Select(a => KeyValuePair.Create(a.Key, a.Key switch
    {
        "permission_set" => CtyValue.String(i % 2 == 0 ? "developer" : "job_admin"),
        "all_projects" => CtyValue.False,
        "project_id" => CtyValue.Number(i),
        "writable_environment_categories" => categories,
        _ => CtyValue.Null(a.Value),
    }))));
    return CtyValue.Object(type, type.Attributes.Select(a => KeyValuePair.Create(a.Key, a.Key switch
    {
        "name" => CtyValue.String("bench"),
        "service_token_permissions" => CtyValue.Set(permissionType, permissions),
        _ => CtyValue.Null(a.Value),
    })));
}

static TimeSpan Median(int runs, Action action)
{
    action(); // warm-up (JIT)
    var times = new List<TimeSpan>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed);
    }
    times.Sort();
    return times[times.Count / 2];
}
