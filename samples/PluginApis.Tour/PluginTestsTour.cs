using System.Diagnostics;
using System.Globalization;
using PluginTests.Client;
using Spectre.Console;

namespace PluginApis.Tour;

/// <summary>Every PluginTests endpoint; against the live service only the read-only ones.</summary>
internal sealed class PluginTestsTour(TourSteps steps, IPluginTestsClient client, bool live)
{
    private const string Directory = "wporg";
    private const string Slug = "akismet";

    public async Task RunAsync(string ownDirectory, string ownPluginToDelete)
    {
        steps.Section(live ? "PluginTests (live service, read-only)" : "PluginTests");
        await ReadAsync().ConfigureAwait(false);
        if (!live)
        {
            await WriteAsync(ownDirectory, ownPluginToDelete).ConfigureAwait(false);
        }

        await TypedErrorAsync().ConfigureAwait(false);
        await StreamTablesAsync(live ? ActiveInstalls.AtLeast500 : ActiveInstalls.AtLeast10).ConfigureAwait(false);
    }

    private async Task ReadAsync()
    {
        await steps.RunAsync("GET / (root)", () => client.GetRootAsync(steps.CancellationToken),
            root => $"{root.Resources.Count} resources; permissions {string.Join(", ", root.Permissions)}").ConfigureAwait(false);

        var plugin = await steps.RunAsync($"plugin {Directory}/{Slug}", () => client.GetPluginAsync(Directory, Slug, steps.CancellationToken),
            p => $"{p.Name} {p.Version}, {p.ActiveInstalls:N0} installs, latest report {p.LatestReport ?? "none"}").ConfigureAwait(false);

        var reports = await steps.RunAsync("reports", () => client.ListReportsAsync(Directory, Slug, steps.CancellationToken),
            list => $"{list.Count} report(s), newest first",
            list =>
            {
                var table = TourSteps.Table("report", "version", "status", "tested", "WP / PHP", "errors");
                foreach (var r in list.Take(5))
                {
                    TourSteps.AddRow(table, r.Slug, r.PluginVersion, r.Status, Date(r.TestedAt), $"{r.WordPressVersion} / {r.PhpVersion}",
                        r.Errors.Count.ToString(CultureInfo.InvariantCulture));
                }

                return table;
            }).ConfigureAwait(false);

        // Prefer a report with errors, so there is something to show.
        var reportSlug = reports?.FirstOrDefault(r => r.Errors.Count > 0)?.Slug ?? plugin?.LatestReport ?? (reports is { Count: > 0 } ? reports[0].Slug : null);
        if (reportSlug is null)
        {
            steps.Skip("report", plugin is null && reports is null ? "the plugin and its reports could not be read" : "the plugin has no report");
        }
        else
        {
            await steps.RunAsync($"report {reportSlug}", () => client.GetReportAsync(Directory, Slug, reportSlug, steps.CancellationToken),
                r => $"{r.Status} on WP {r.WordPressVersion} / PHP {r.PhpVersion}, {r.Errors.Count} error(s)" +
                     (r.Errors.Count > 0 ? $": {r.Errors[0].Type} {Shorten(r.Errors[0].Message, 40)}" : string.Empty)).ConfigureAwait(false);
        }

        await steps.RunAsync("tables", () => client.ListEntitiesAsync(Directory, Slug, EntityCollection.Tables, steps.CancellationToken),
            list => $"{list.Count}: " + string.Join(", ", list.Select(t => $"{t.Name} ({t.Columns.Count} columns)"))).ConfigureAwait(false);

        await steps.RunAsync("options", () => client.ListEntitiesAsync(Directory, Slug, EntityCollection.Options, steps.CancellationToken),
            list => $"{list.Count}: " + string.Join(", ", list.Select(o => o.Name))).ConfigureAwait(false);

        await steps.RunAsync("user", () => client.GetCurrentUserAsync(steps.CancellationToken),
            u => $"{u.Id}: {u.Name}, directory '{u.Directory}'").ConfigureAwait(false);

        await ListUserPluginsAsync("user plugins").ConfigureAwait(false);

        await steps.RunAsync("webhooks", () => client.ListWebhooksAsync(steps.CancellationToken),
            list => $"{list.Count} webhook(s)",
            list =>
            {
                var table = TourSteps.Table("id", "url", "event", "created");
                foreach (var w in list.Take(5))
                {
                    TourSteps.AddRow(table, w.Id, w.Url?.ToString(), w.EventType?.Value ?? "(all)", Date(w.CreatedAt));
                }

                return list.Count == 0 ? null : table;
            }).ConfigureAwait(false);

        await ListQueueAsync().ConfigureAwait(false);
    }

    private async Task WriteAsync(string ownDirectory, string ownPluginToDelete)
    {
        var hook = await steps.RunAsync("create webhook", () => client.CreateWebhookAsync(
                new Uri("https://example.com/hooks/plugintests"), WebhookEventType.FirstTestFinished, steps.CancellationToken),
            w => $"{w.Id} → {w.Url} ({w.EventType})").ConfigureAwait(false);
        if (hook?.Id is { } hookId)
        {
            await steps.RunAsync("get webhook", () => client.GetWebhookAsync(hookId, steps.CancellationToken),
                w =>
                {
                    TourSteps.Check(w.Id == hookId && w.EventType == WebhookEventType.FirstTestFinished, "the webhook just created");
                    return $"{w.Id}: {w.Url}, event {w.EventType}, created {Date(w.CreatedAt)}";
                }).ConfigureAwait(false);
            await steps.RunAsync("delete webhook", () => client.DeleteWebhookAsync(hookId, steps.CancellationToken), $"{hookId} deleted").ConfigureAwait(false);
        }

        await steps.RunAsync("enqueue a test", () => client.EnqueueTestAsync(
                new EnqueueTestRequest(Directory, "hello-dolly") { Priority = 200 }, steps.CancellationToken),
            j => $"{j.Id}: {j.Directory}/{j.Slug}, priority {j.Priority}, {j.PackageSource}, {j.Status}").ConfigureAwait(false);
        await ListQueueAsync().ConfigureAwait(false);

        await steps.RunAsync("delete own plugin",
            () => client.DeletePluginAsync(ownDirectory, ownPluginToDelete, steps.CancellationToken), $"{ownDirectory}/{ownPluginToDelete} deleted (only your own plugins can be)").ConfigureAwait(false);
        await ListUserPluginsAsync("user plugins (after delete)").ConfigureAwait(false);
    }

    private Task<IReadOnlyList<Plugin>?> ListUserPluginsAsync(string title) =>
        steps.RunAsync(title, () => client.ListUserPluginsAsync(steps.CancellationToken),
            list => list.Count == 0 ? "none" : $"{list.Count}: " + string.Join(", ", list.Select(p => $"{p.Directory}/{p.Slug}")));

    private Task<IReadOnlyList<QueueJob>?> ListQueueAsync() =>
        steps.RunAsync("test queue", async () =>
            {
                try
                {
                    return await client.ListQueueAsync(steps.CancellationToken).ConfigureAwait(false);
                }
                catch (PluginTestsException ex) when (ex.Code == PluginTestsErrorCode.Forbidden)
                {
                    return null; // As documented: most keys may not read the queue.
                }
            },
            list => list is null ? "403 forbidden: this key may not read the queue (as for most keys)" : $"{list.Count} job(s)",
            list =>
            {
                if (list is not { Count: > 0 })
                {
                    return null;
                }

                var table = TourSteps.Table("job", "plugin", "priority", "source", "status");
                foreach (var j in list.Take(5))
                {
                    TourSteps.AddRow(table, j.Id, $"{j.Directory}/{j.Slug}", j.Priority?.ToString(CultureInfo.InvariantCulture), j.PackageSource?.Value, j.Status?.Value);
                }

                return table;
            });

    private Task TypedErrorAsync() =>
        steps.ExpectErrorAsync<PluginTestsException>("error: wporg/no-such-plugin",
            () => client.GetPluginAsync(Directory, "no-such-plugin", steps.CancellationToken),
            ex =>
            {
                TourSteps.Check(ex.Code == PluginTestsErrorCode.PluginNotFound, $"Code PluginNotFound (got '{ex.Code}')");
                return $"caught PluginTestsException: {(int)ex.StatusCode} {ex.StatusCode}, Code == PluginNotFound, server: \"{ex.ServerMessage}\"";
            });

    private async Task StreamTablesAsync(ActiveInstalls installs)
    {
        var title = $"tables list (≥ {(int)installs} installs)";
        await steps.RunAsync(title, async () =>
        {
            var watch = Stopwatch.StartNew();
            var count = 0;
            var plugins = new HashSet<string>(StringComparer.Ordinal);
            PluginTable? first = null;

            async Task ReadAsync(Action<int> report)
            {
                await foreach (var table in client.ListPluginTablesAsync(installs, steps.CancellationToken).ConfigureAwait(false))
                {
                    first ??= table;
                    count++;
                    plugins.Add(table.Plugin ?? string.Empty);
                    if (count % 1000 == 0)
                    {
                        report(count);
                    }
                }
            }

            if (steps.Interactive)
            {
                await steps.Console.Status().StartAsync("streaming the tables list…", ctx =>
                    ReadAsync(n => ctx.Status($"streaming the tables list… {n:N0} tables so far"))).ConfigureAwait(false);
            }
            else
            {
                // No redrawing in a log file: a plain line every 5,000 tables.
                await ReadAsync(n =>
                {
                    if (n % 5000 == 0)
                    {
                        steps.Note($"    … {n:N0} tables so far ({watch.Elapsed.TotalMilliseconds:0} ms)");
                    }
                }).ConfigureAwait(false);
            }

            return (Count: count, Plugins: plugins.Count, First: first, watch.Elapsed);
        }, r => $"{r.Count:N0} tables from {r.Plugins:N0} plugins, streamed; first: {r.First?.Name} ({r.First?.Plugin})").ConfigureAwait(false);
    }

    private static string Date(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static string Shorten(string? text, int max) =>
        text is null ? string.Empty : text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
