using System.CommandLine;
using PluginTests.Client;
using Spectre.Console;

namespace PluginApis.Cli;

/// <summary>
/// <c>pluginapis test &lt;directory&gt; &lt;slug&gt; [--zip-url URL] [--priority N] [--wait] [--timeout 30m]</c>: queues a
/// PluginTests run; with <c>--wait</c> waits for its report, prints the summary and exits 0 only when it found no errors.
/// </summary>
internal static class TestCommand
{
    public static Command Create(CliApp app)
    {
        var directory = new Argument<string>("directory") { Description = "The PluginTests directory: wporg, or your own directory." };
        var slug = new Argument<string>("slug") { Description = "The plugin slug." };
        var zipUrl = new Option<Uri?>("--zip-url")
        {
            Description = "Test the ZIP at this URL (packageSource direct) instead of the latest WordPress.org release.",
            HelpName = "url",
            CustomParser = static result => HttpUrlParser.Parse(result, "--zip-url"),
        };
        var priority = new Option<int>("--priority")
        {
            Description = "Queue priority, 1 to 500 (larger runs sooner).",
            DefaultValueFactory = _ => EnqueueTestRequest.DefaultPriority,
        };
        priority.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() is < EnqueueTestRequest.MinPriority or > EnqueueTestRequest.MaxPriority)
            {
                result.AddError($"--priority must be from {EnqueueTestRequest.MinPriority} to {EnqueueTestRequest.MaxPriority}.");
            }
        });
        var wait = new Option<bool>("--wait") { Description = "Wait for the report, print it, and exit 6 when it lists errors." };
        var timeout = TimeoutOption();
        var command = new Command("test", "Queue a PluginTests run of a plugin; with --wait, wait for its report.") { directory, slug, zipUrl, priority, wait, timeout };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var dir = parse.GetRequiredValue(directory);
            var name = parse.GetRequiredValue(slug);
            var url = parse.GetValue(zipUrl);
            var client = await session.PluginTestsAsync(cancellationToken).ConfigureAwait(false);
            var before = DateTimeOffset.UtcNow;
            var job = await client.EnqueueTestAsync(new EnqueueTestRequest
            {
                Directory = dir,
                Slug = name,
                Priority = parse.GetValue(priority),
                PackageSource = url is null ? PackageSource.Stable : PackageSource.Direct,
                DownloadUrl = url,
            }, cancellationToken).ConfigureAwait(false);
            var jobOutput = job.ToOutput(dir, name);
            if (!parse.GetValue(wait))
            {
                Write(session, new TestOutput(jobOutput, null, null));
                return ExitCodes.Success;
            }

            if (!session.Json)
            {
                session.Line($"Queued {dir}/{name} (job {jobOutput.Id ?? "?"}, priority {jobOutput.Priority}); waiting for the report.");
            }

            // The service's own timestamp when it sends one: the report's TestedAt comes from the same clock.
            var queuedAt = job.QueuedAt ?? before;
            var limit = parse.GetValue(timeout);
            var report = session.ShowProgress
                ? await WaitWithSpinnerAsync(session.Console, client, dir, name, queuedAt, limit, cancellationToken).ConfigureAwait(false)
                : await client.WaitForReportAsync(dir, name, queuedAt, limit, cancellationToken).ConfigureAwait(false);
            var passed = report.FoundNoErrors();
            Write(session, new TestOutput(jobOutput, report.ToOutput(), passed));
            if (passed)
            {
                return ExitCodes.Success;
            }

            session.Host.Error.WriteLine($"pluginapis: {ErrorKinds.TestFailed}: the report of {dir}/{name} lists {report.Errors.Count} error(s) (status {report.Status ?? "unknown"}).");
            return ExitCodes.TestFailed;
        });
        return command;
    }

    private static Option<TimeSpan> TimeoutOption() => new("--timeout")
    {
        Description = "How long --wait waits for the report, e.g. 90s, 30m, 1h30m.",
        HelpName = "duration",
        DefaultValueFactory = _ => TimeSpan.FromMinutes(30),
        CustomParser = static result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (DurationParser.TryParse(text, out var duration))
            {
                return duration;
            }

            result.AddError($"--timeout must be a duration like 90s, 30m or 1h30m (was '{text}').");
            return default;
        },
    };

    private static void Write(CliSession session, TestOutput output)
    {
        if (session.Json)
        {
            session.WriteJson(output, CliJson.Context.TestOutput);
        }
        else if (output.Report is null)
        {
            var job = output.Job;
            session.Line($"Queued {job.Directory}/{job.Slug}: job {job.Id ?? "?"}, priority {job.Priority}, status {job.Status ?? "unknown"}.");
        }
        else
        {
            ReportPrinter.Render(session.Console, output.Report);
        }
    }

    private static async Task<PluginReport> WaitWithSpinnerAsync(IAnsiConsole console, IPluginTestsClient client, string directory, string slug, DateTimeOffset queuedAt, TimeSpan timeout, CancellationToken cancellationToken)
    {
        PluginReport? report = null;
        await console.Status().StartAsync("Waiting for the report…", async context =>
        {
            var progress = new SynchronousProgress<ReportWaitStatus>(status => context.Status(
                $"Waiting for the report of {Markup.Escape(directory)}/{Markup.Escape(slug)}: {status.Elapsed:mm\\:ss} elapsed, {status.Polls} polls, next in {Math.Ceiling(status.NextPollIn.TotalSeconds)} s"));
            report = await client.WaitForReportAsync(directory, slug, queuedAt, timeout, progress, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return report!;
    }
}
