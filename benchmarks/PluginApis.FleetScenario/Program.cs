using PluginApis.FleetScenario;

// Fleet scenarios of the Redis quota store (docs/benchmarks.md, "Fleet quota"):
//   fleet [--workers 16] [--limit 60] [--window 2] [--seconds 30] [--no-redis] [--faults] [--margin 0.03]
//         [--max-429 N] [--min-used 0.95] [--min-429 N]      (checks: exit 1 when a figure misses)
//   cost  [--calls 2000]                                      (added time per call with a local Redis)
//   lanes [--batch 600] [--concurrency 8] [--interval-ms 1000] (a batch and an interactive process on one key)
//   worker ...                                                (one worker process; started by the others)
var args2 = new Args(args);
return args.FirstOrDefault() switch
{
    "worker" => await Worker.RunAsync(args2),
    "fleet" => await FleetRun.RunAsync(args2),
    "cost" => await CostRun.RunAsync(args2),
    "lanes" => await LanesRun.RunAsync(args2),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: fleet | cost | lanes | worker  (see Program.cs)");
    return 2;
}
