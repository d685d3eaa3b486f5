using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PluginApis.Benchmarks;

/// <summary>
/// Modes:
/// <list type="bullet">
/// <item>(default) the BenchmarkDotNet suites; arguments such as <c>--filter</c> pass through to <see cref="BenchmarkSwitcher"/>.</item>
/// <item><c>--all</c>: the suites, then <c>--peak-memory</c>, <c>--upload</c> and <c>--ratelimit</c>; what docs/benchmarks.md shows.</item>
/// <item><c>--alloc [calls]</c>, <c>--peak-memory [N...]</c>, <c>--upload [MB] [rounds]</c>, <c>--ratelimit [calls] [limit] [workers]</c>: one scenario.</item>
/// <item><c>--list-time [N] [pairs]</c>: one N-entry enumeration, raw and SDK in alternating child processes.</item>
/// <item><c>--floor [rounds] [calls]</c>: what the required parts (Polly's timeouts and retry, Refit's URI merge) cost on their own, beside the raw call, a child process per part (<c>--floor-child</c>).</item>
/// <item><c>--probe [rounds] [calls]</c>: per-call time of raw, SDK and bare Refit in rotating child processes (<c>--probe-child</c> is one side, also for a profiler).</item>
/// <item><c>--socket [rounds] [calls]</c>: per-call time over a loopback socket to the emulator, raw vs SDK vs bare Refit, rotating child processes.</item>
/// <item><c>--dry</c>: every suite with <see cref="Job.Dry"/> and every scenario once with tiny sizes; no timing assertions.</item>
/// </list>
/// </summary>
public static class Program
{
    /// <summary>True in <c>--dry</c>: benchmark parameters shrink to tiny sizes.</summary>
    public static bool Dry { get; private set; }

    public static async Task<int> Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : string.Empty;
        var rest = args.Skip(1).ToArray();
        var report = new Report();
        switch (mode)
        {
            case "--peak-memory-child":
                return await PeakMemoryScenario.ChildAsync(rest[0], Int(rest, 1, 0));
            case "--upload-child":
                return await UploadScenario.ChildAsync(rest[0], rest[1], rest[2], rest[3]);
            case "--peak-memory":
                PrintMachine();
                PeakMemoryScenario.Run(rest.Length > 0 ? rest.Select(a => Int([a], 0, 0)).ToArray() : [10_000, 100_000, 1_000_000], report);
                report.Print();
                return 0;
            case "--upload":
                PrintMachine();
                await UploadScenario.RunAsync(Int(rest, 0, 200), Int(rest, 1, 3), report);
                report.Print();
                return 0;
            case "--alloc":
                await AllocationScenario.RunAsync(Int(rest, 0, 20_000), report, types: rest.Contains("--types"));
                return 0;
            case "--list-time-child":
                return await ListTimeScenario.ChildAsync(rest[0], Int(rest, 1, 1_000_000));
            case "--list-time":
                PrintMachine();
                ListTimeScenario.Run(Int(rest, 0, 1_000_000), Int(rest, 1, 5), report);
                report.Print();
                return 0;
            case "--socket-child":
                return await SocketProbeScenario.ChildAsync(rest[0], rest[1], Int(rest, 2, 50_000));
            case "--socket":
                PrintMachine();
                await SocketProbeScenario.RunAsync(Int(rest, 0, 6), Int(rest, 1, 50_000), report);
                report.Print();
                return 0;
            case "--probe-child":
                return await ProbeScenario.ChildAsync(rest[0], rest[1], Int(rest, 2, 1_000_000));
            case "--probe":
                PrintMachine();
                ProbeScenario.Run(Int(rest, 0, 10), Int(rest, 1, 1_000_000), report);
                report.Print();
                return 0;
            case "--floor-child":
                return await FloorScenario.ChildAsync(rest[0], Int(rest, 1, 1_000_000));
            case "--floor":
                PrintMachine();
                FloorScenario.Run(Int(rest, 0, 10), Int(rest, 1, 1_000_000), report);
                report.Print();
                return 0;
            case "--ratelimit":
                PrintMachine();
                await RateLimitScenario.RunAsync(Int(rest, 0, 500), Int(rest, 1, 50), Int(rest, 2, 8), report);
                report.Print();
                return 0;
            case "--dry":
                Dry = true;
                PrintMachine();
                if (!RunSuites(["--filter", "*"], Job.Dry))
                {
                    return 1;
                }

                await AllocationScenario.RunAsync(1_000, report);
                ProbeScenario.Run(1, 1_000, report);
                FloorScenario.Run(1, 1_000, report);
                PeakMemoryScenario.Run([1_000, 10_000], report);
                ListTimeScenario.Run(1_000, 1, report);
                await SocketProbeScenario.RunAsync(1, 200, report);
                await UploadScenario.RunAsync(4, 1, report);
                await RateLimitScenario.RunAsync(60, 20, 8, report);
                report.Print();
                Console.WriteLine("dry run: every benchmark and scenario ran once.");
                return 0;
            case "--all":
                PrintMachine();
                if (!RunSuites(["--filter", "*"], null))
                {
                    return 1;
                }

                await AllocationScenario.RunAsync(20_000, report);
                ProbeScenario.Run(10, 1_000_000, report);
                FloorScenario.Run(10, 1_000_000, report);
                await SocketProbeScenario.RunAsync(6, 50_000, report);
                PeakMemoryScenario.Run([10_000, 100_000, 1_000_000], report);
                ListTimeScenario.Run(1_000_000, 5, report);
                await UploadScenario.RunAsync(200, 3, report);
                await RateLimitScenario.RunAsync(500, 50, 8, report);
                report.Print();
                return 0;
            default:
                return RunSuites(args.Any(a => a is "--filter" or "-f") ? args : [.. args, "--filter", "*"], null) ? 0 : 1;
        }
    }

    /// <summary>The suites' job: in-process (InProcessEmitToolchain), short but with enough iterations for a ratio.</summary>
    private static bool RunSuites(string[] args, Job? job)
    {
        job ??= Job.Default.WithWarmupCount(3).WithIterationCount(10).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250));
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        if (!args.Any(a => a is "--job" or "-j"))
        {
            config = config.AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.All(r => r.Success));
    }

    private static void PrintMachine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical CPUs, {cpu ?? "unknown CPU"}, {memory ?? "unknown"} RAM, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }

    private static int Int(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
}
