using DbtTfProvider.LiveSuite;

// Entry point of scripts/live/contract-report.sh and scripts/live/sweep.sh, which check the environment first.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var settings = LiveSettings.FromEnvironment();
switch (args.FirstOrDefault())
{
    case "contract-report":
        return await new ContractReport(settings, Console.Out).RunAsync(cancel.Token);
    case "sweep":
        var olderThan = TimeSpan.FromHours(2);
        var prefix = Sweeper.Prefix;
        var delete = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--yes": delete = true; break;
                case "--older-than" when i + 1 < args.Length: olderThan = DurationArgument.Parse(args[++i]); break;
                case "--run-id" when i + 1 < args.Length: prefix = $"{Sweeper.Prefix}{args[++i]}-"; break;
                default:
                    Console.Error.WriteLine($"sweep: unknown argument \"{args[i]}\" (use --older-than 2h|30m|0, --run-id ID, --yes)");
                    return 2;
            }
        }
        return await new Sweeper(settings, Console.Out).RunAsync(prefix, olderThan, delete, cancel.Token);
    case "edit-job-cron" when args.Length == 3:
        return await new HandEdit(settings, Console.Out).SetJobCronAsync(long.Parse(args[1]), args[2], cancel.Token);
    default:
        Console.Error.WriteLine("usage: DbtTfProvider.LiveSuite contract-report | sweep [--older-than 2h] [--run-id ID] [--yes] | edit-job-cron JOB_ID CRON");
        return 2;
}
