using System.Diagnostics;
using System.Globalization;
using PluginApis.Benchmarks.Infrastructure;
using PluginApis.Http;
using Polly;
using Polly.Retry;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--floor [rounds] [calls]</c>: what the core's required parts cost on their own, beside the raw call, each timed in a
/// child process of its own like <see cref="ProbeScenario"/> (rotating order, ratios taken within a round). The parts are
/// the ones issue #11 asks for and no implementation of it can drop: Polly's own total timeout, retry and attempt timeout
/// with the SDK's default settings around an empty callback (no throttle, no request), and the URI work of Refit's request
/// path that raw code does not do (the relative URI and <see cref="HttpClient"/>'s merge with the base address). Raw plus
/// these parts is the least an SDK of this shape can take per call over the in-memory transport, before any code of its own.
/// </summary>
internal static class FloorScenario
{
    private static readonly Outcome<HttpResponseMessage> Answer = Outcome.FromResult(new HttpResponseMessage());

    private static readonly (string Part, string Name)[] Parts =
    [
        ("raw", "raw GetPlugin call (hand-written HttpClient + STJ)"),
        ("polly", "Polly's total timeout → retry → attempt timeout, SDK defaults, empty callback"),
        ("uri", "Refit's request URI: relative URI + HttpClient's merge with the base address"),
    ];

    public static int Run(int rounds, int calls, Report report)
    {
        Console.WriteLine($"Floor of the required parts, {rounds} rounds of child processes, {calls:N0} timed calls each.");
        var times = Parts.ToDictionary(p => p.Part, _ => new List<double>());
        var floors = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var now = Enumerable.Range(0, Parts.Length).Select(i => Parts[(i + round) % Parts.Length].Part)
                .ToDictionary(part => part, part => Child.Run("--floor-child", part, calls.ToString(CultureInfo.InvariantCulture)).D("ns"));
            foreach (var (part, _) in Parts)
            {
                times[part].Add(now[part]);
            }

            floors.Add((now["raw"] + now["polly"] + now["uri"]) / now["raw"]);
            Console.WriteLine($"  round {round + 1,2}: raw {now["raw"],6:0} ns, Polly {now["polly"],5:0} ns, URI {now["uri"],5:0} ns, floor {floors[^1]:0.00}× raw");
        }

        var raw = Stats.Median(times["raw"]);
        var table = new List<string> { "| Part | median (ns) | share of the raw call |", "|---|---:|---:|" };
        foreach (var (part, name) in Parts)
        {
            table.Add($"| {name} | {Stats.Median(times[part]):0} | {Stats.Median(times[part]) / raw:0.00}× |");
        }

        table.Add($"| **floor: raw + the required parts** (per-round median, min–max) | | **{Stats.Median(floors):0.00}×** ({floors.Min():0.00}–{floors.Max():0.00}) |");
        report.Add($"Floor of the required parts ({rounds} rounds × {calls:N0} calls, a child process per part)", table);
        return 0;
    }

    /// <summary>
    /// The child: one part, warmed up, then timed; one RESULT line. The raw call is timed as <see cref="ProbeScenario"/>
    /// times it; the parts in plain loops with nothing around them, so that no harness cost is counted as theirs.
    /// </summary>
    public static async Task<int> ChildAsync(string part, int calls)
    {
        var warmUp = Math.Max(calls / 4, 1_000);
        double ns;
        switch (part)
        {
            case "raw":
                var benchmark = new GetPluginBenchmarks();
                benchmark.Setup();
                Func<Task> raw = benchmark.Raw;
                await TimeAsync(raw, warmUp);
                ns = await TimeAsync(raw, calls);
                benchmark.Cleanup();
                break;
            case "polly":
                var pipeline = RequiredPolly(new ApiResilienceOptions());
                TimePolly(pipeline, warmUp);
                ns = TimePolly(pipeline, calls);
                break;
            case "uri":
                var baseAddress = new Uri(Samples.PluginTestsBase);
                TimeUri(baseAddress, warmUp);
                ns = TimeUri(baseAddress, calls);
                break;
            default:
                throw new ArgumentException($"Unknown part '{part}' (raw, polly, uri).", nameof(part));
        }

        Child.Report(("part", part), ("ns", ns.ToString("0.0", CultureInfo.InvariantCulture)));
        return 0;
    }

    private static async Task<double> TimeAsync(Func<Task> run, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await run();
        }

        return watch.Elapsed.TotalNanoseconds / calls;
    }

    private static double TimePolly(ResiliencePipeline<HttpResponseMessage> pipeline, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
            var outcome = pipeline.ExecuteOutcomeAsync(static (_, answer) => new ValueTask<Outcome<HttpResponseMessage>>(answer), context, Answer);
            // The callback completes at once, and so does the pipeline around it.
            if (!outcome.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("The pipeline around an empty callback did not complete at once.");
            }

            _ = outcome.Result;
            ResilienceContextPool.Shared.Return(context);
        }

        return watch.Elapsed.TotalNanoseconds / calls;
    }

    private static double TimeUri(Uri baseAddress, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            GC.KeepAlive(new Uri(baseAddress, new Uri("plugins/wporg/akismet", UriKind.Relative)));
        }

        return watch.Elapsed.TotalNanoseconds / calls;
    }

    /// <summary>Polly's own strategies of the core's pipeline, with the SDK's settings; the retry never retries here.</summary>
    private static ResiliencePipeline<HttpResponseMessage> RequiredPolly(ApiResilienceOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is not null),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
}
