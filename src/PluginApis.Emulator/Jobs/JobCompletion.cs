using System.Globalization;
using System.Text;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.Jobs;

/// <summary>One webhook POST to make.</summary>
internal sealed record WebhookDelivery(string Url, PtWebhookEventDto Payload);

/// <summary>
/// Finishes a job (caller holds <see cref="EmulatorState.Gate"/>): publishes its report, makes the plugin reflect what a readable
/// package showed (name, version, tables, options) and lists the webhook POSTs the finished test triggers.
/// </summary>
internal static class JobCompletion
{
    public const string TestFinished = "test_finished";
    public const string FirstTestFinished = "first_test_finished";

    /// <summary>The emulator's (fixed) test environment.</summary>
    public const string WordPressVersion = "6.8";

    /// <inheritdoc cref="WordPressVersion"/>
    public const string PhpVersion = "8.3";

    public static IReadOnlyList<WebhookDelivery> Finish(PluginTestsState pt, PtJob job, DateTimeOffset testedAt, TestOutcome outcome)
    {
        job.Status = JobStatus.Finished;
        if (!pt.Plugins.TryGetValue(PluginTestsState.Key(job.Directory, job.Slug), out var plugin))
        {
            return []; // the (own) plugin was deleted while its test ran
        }

        var first = plugin.Reports.Count == 0;
        var version = outcome.Package?.Version ?? (outcome.Errors.Count == 0 ? plugin.Version : null);
        var status = outcome.Errors.Count == 0 ? "passed" : "failed";
        var report = new PtReport(UniqueSlug(plugin, version, testedAt), version, status, testedAt, WordPressVersion, PhpVersion, outcome.Errors);
        plugin.Reports.Add(report);
        if (outcome.Package is { } package)
        {
            plugin.Name = package.Name;
            plugin.Version = package.Version;
            plugin.Tables.Clear();
            plugin.Tables.AddRange(package.Tables);
            plugin.Options.Clear();
            plugin.Options.AddRange(package.Options);
        }

        var deliveries = new List<WebhookDelivery>();
        foreach (var hook in pt.Webhooks.Where(h => !h.Seeded && (plugin.OwnerId is null || h.OwnerId == plugin.OwnerId)))
        {
            if (hook.EventType is null or TestFinished)
            {
                deliveries.Add(new WebhookDelivery(hook.Url, Payload(TestFinished, hook, job, plugin, report)));
            }

            if (first && (hook.EventType is null or FirstTestFinished))
            {
                deliveries.Add(new WebhookDelivery(hook.Url, Payload(FirstTestFinished, hook, job, plugin, report)));
            }
        }

        return deliveries;
    }

    private static PtWebhookEventDto Payload(string eventType, PtWebhook hook, PtJob job, PtPlugin plugin, PtReport report) =>
        new(eventType, hook.Id, plugin.Directory, plugin.Slug, report.PluginVersion, report.Status, report.Errors.Count, report.Slug,
            PluginTestsState.ReportUrl(plugin, report), EmulatorState.Iso(report.TestedAt), hook.OwnerId == job.OwnerId ? job.Id : null);

    /// <summary><c>{version}-{yyyy-MM-dd}</c> like the seeded reports (<c>5-3-1-2026-11-01</c>), then <c>-2</c>, <c>-3</c>, … if taken.</summary>
    private static string UniqueSlug(PtPlugin plugin, string? version, DateTimeOffset testedAt)
    {
        var text = new StringBuilder();
        foreach (var c in (version ?? "unknown").ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (keep != '-' || (text.Length > 0 && text[^1] != '-'))
            {
                text.Append(keep);
            }
        }

        var prefix = text.ToString().Trim('-');
        var slug = $"{(prefix.Length > 0 ? prefix : "unknown")}-{testedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var candidate = slug;
        for (var n = 2; plugin.Reports.Exists(r => r.Slug == candidate); n++)
        {
            candidate = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }
}
