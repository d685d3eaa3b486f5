using System.Globalization;
using Spectre.Console;
using WunderUpdates.Client;

namespace PluginApis.Tour;

/// <summary>Every WunderUpdates endpoint; against the live service only the read-only ones.</summary>
internal sealed class WunderUpdatesTour(TourSteps steps, IWunderUpdatesClient client, bool live, string workFolder)
{
    private const string Slug = "tour-plugin";
    private const string Stable = "1.2.0";
    private const string Beta = "1.3.0-beta.1";
    private const string Key1 = "TOUR-KEY-0001";
    private const string Key2 = "TOUR-KEY-0002";
    private const string Key3 = "TOUR-KEY-0003";

    private CancellationToken Ct => steps.CancellationToken;

    public async Task RunAsync()
    {
        steps.Section(live ? "WunderUpdates (live service, read-only)" : "WunderUpdates");
        var account = await AccountAsync().ConfigureAwait(false);
        var plugins = await ListPluginsAsync("plugins").ConfigureAwait(false);
        if (live)
        {
            await ReadOnlyPluginAsync(account, plugins).ConfigureAwait(false);
        }
        else
        {
            await ReleaseAsync(account?.Account.Prefix).ConfigureAwait(false);
        }

        await steps.ExpectErrorAsync<WunderUpdatesException>("error: no-such-plugin",
            () => client.GetPluginAsync("no-such-plugin", Ct),
            ex =>
            {
                TourSteps.Check((int)ex.StatusCode == 404, $"status 404 (got {(int)ex.StatusCode})");
                return $"caught WunderUpdatesException: {(int)ex.StatusCode} {ex.StatusCode}, server: \"{ex.ServerMessage}\"";
            }).ConfigureAwait(false);
    }

    private async Task<AccountDetails?> AccountAsync()
    {
        var account = await steps.RunAsync("account", () => client.GetAccountAsync(Ct),
            a => $"prefix {a.Account.Prefix}, activations {a.Account.ActivationUsage}/{a.Account.ActivationLimit}, {a.Products.Plugins.Count} plugin product(s)").ConfigureAwait(false);
        await steps.RunAsync("account licence", () => client.GetAccountLicenseAsync(Ct),
            l => $"limit {l.Limit}, expires {l.Expires}").ConfigureAwait(false);
        if (!live)
        {
            await steps.RunAsync("activate account licence", () => client.ActivateAccountLicenseAsync("WU-PLAN-TOUR-0001", Ct), "activated").ConfigureAwait(false);
        }

        await steps.RunAsync("API tokens", () => client.ListTokensAsync(Ct),
            list => list.Count == 0 ? "none" : $"{list.Count}: " + string.Join(", ", list.Select(t => $"{t.Name} (expires {t.Expires?.ToString() ?? "?"})"))).ConfigureAwait(false);
        if (!live)
        {
            await steps.RunAsync("create API token", () => client.CreateTokenAsync("tour", 30, Ct),
                t => $"'{t.Name}', expires in {t.ExpiresInDays} days, value {Mask(t.Value, always: true)} (shown only once)").ConfigureAwait(false);
        }

        return account;
    }

    private Task<IReadOnlyList<HostedPlugin>?> ListPluginsAsync(string title, bool asTable = true) =>
        steps.RunAsync(title, () => client.ListPluginsAsync(Ct),
            list => asTable ? $"{list.Count} plugin(s)" : $"{list.Count}: {string.Join(", ", list.Select(p => p.Slug))}",
            list =>
            {
                if (!asTable)
                {
                    return null;
                }

                var table = TourSteps.Table("slug", "licence", "versions");
                foreach (var p in list.Take(8))
                {
                    TourSteps.AddRow(table, p.Slug, p.License?.ToString(), string.Join(", ", p.Versions.Select(v => v.Version)));
                }

                return list.Count == 0 ? null : table;
            });

    /// <summary>The whole release cycle, on a plugin created for the purpose and deleted at the end.</summary>
    private async Task ReleaseAsync(string? prefix)
    {
        await steps.RunAsync("create plugin", () => client.CreatePluginAsync(Slug, License.NoLicense, Ct),
            p => $"{p.Slug}, licence {p.License}").ConfigureAwait(false);
        await steps.RunAsync("get plugin", () => client.GetPluginAsync(Slug, Ct),
            p => $"{p.Slug}: licence {p.License}, {p.Versions.Count} version(s)").ConfigureAwait(false);
        await steps.RunAsync("update licence", () => client.UpdateLicenseAsync(Slug, License.StaticKeys, Ct),
            p =>
            {
                TourSteps.Check(p.License?.Type == LicenseType.StaticKeys, "licence static-keys");
                return $"no-license → {p.License}";
            }).ConfigureAwait(false);

        var bigZip = DemoZip.Create(workFolder, Slug, Stable, "Tour Plugin", assetBytes: 2 * 1024 * 1024);
        await steps.RunAsync($"upload {Stable} (2 MB)", () => UploadWithProgressAsync(Slug, bigZip),
            r =>
            {
                TourSteps.Check(r.Archive?.Version == Stable, $"version {Stable}");
                var source = r.Archive?.VersionSource == PluginVersionSource.ReadmeStableTag ? "readme Stable tag" : "Version: header";
                return $"{r.Message} '{r.Archive?.PluginName}' {r.Archive?.Version} (from the {source}), {r.Size:N0} bytes";
            }).ConfigureAwait(false);

        var betaZip = DemoZip.Create(workFolder, Slug, Beta, "Tour Plugin");
        await steps.RunAsync($"upload {Beta}", () => client.UploadVersionAsync(Slug, betaZip, progress: null, Ct),
            r => $"{r.Message} {r.Archive?.Version}, {r.Size:N0} bytes").ConfigureAwait(false);

        await steps.RunAsync("versions", () => client.ListVersionsAsync(Slug, Ct),
            list => $"{list.Count}: " + string.Join(", ", list.Select(v => $"{v.Version} ({v.File})"))).ConfigureAwait(false);
        await steps.RunAsync("get version", () => client.GetVersionAsync(Slug, Stable, Ct),
            v => $"{v.Version} stored as {v.File}").ConfigureAwait(false);

        await steps.RunAsync("replace licence keys", () => client.ReplaceLicenseKeysAsync(Slug,
            [new LicenseKey(Key1), new LicenseKey(Key2, new DateOnly(2030, 12, 31))], Ct), $"now {Key1}, {Key2}").ConfigureAwait(false);
        await steps.RunAsync("add licence key", () => client.AddLicenseKeyAsync(Slug, new LicenseKey(Key3, new DateOnly(2020, 1, 1)), Ct),
            $"{Key3} (expired 2020-01-01)").ConfigureAwait(false);
        await ListLicenseKeysAsync(Slug).ConfigureAwait(false);
        await steps.RunAsync("get licence key", () => client.GetLicenseKeyAsync(Slug, Key2, Ct),
            k => $"{k.Key}, expires {Expires(k.Expires)}").ConfigureAwait(false);
        await steps.RunAsync("delete licence key", () => client.DeleteLicenseKeyAsync(Slug, Key3, Ct), $"{Key3} deleted").ConfigureAwait(false);

        if (prefix is null)
        {
            steps.Skip("public update check", "no account prefix (the account step failed)");
        }
        else
        {
            await UpdateCheckAsync(prefix, Slug, ReleaseChannel.Stable, Key1, expectVersion: Stable, expectValid: true).ConfigureAwait(false);
            await UpdateCheckAsync(prefix, Slug, ReleaseChannel.Beta, Key1, expectVersion: Beta, expectValid: true).ConfigureAwait(false);
            await UpdateCheckAsync(prefix, Slug, ReleaseChannel.Stable, licenseKey: null, expectVersion: Stable, expectValid: false).ConfigureAwait(false);
        }

        await steps.RunAsync("delete version", () => client.DeleteVersionAsync(Slug, Beta, Ct), $"{Beta} deleted").ConfigureAwait(false);
        await steps.RunAsync("delete plugin", () => client.DeletePluginAsync(Slug, Ct), $"{Slug} deleted, with its versions and keys").ConfigureAwait(false);
        await ListPluginsAsync("plugins (after delete)", asTable: false).ConfigureAwait(false);
    }

    /// <summary>Against the live service: reads the first plugin of the account, changes nothing.</summary>
    private async Task ReadOnlyPluginAsync(AccountDetails? account, IReadOnlyList<HostedPlugin>? plugins)
    {
        if (plugins is not { Count: > 0 })
        {
            steps.Skip("plugin, versions, keys", plugins is null ? "the plugins could not be listed" : "the account has no plugins");
            return;
        }

        var slug = plugins[0].Slug;
        var plugin = await steps.RunAsync($"get plugin {slug}", () => client.GetPluginAsync(slug, Ct),
            p => $"licence {p.License}, {p.Versions.Count} version(s)").ConfigureAwait(false);
        var versions = await steps.RunAsync("versions", () => client.ListVersionsAsync(slug, Ct),
            list => $"{list.Count}: " + string.Join(", ", list.Take(6).Select(v => v.Version))).ConfigureAwait(false);
        if (versions is { Count: > 0 })
        {
            var version = versions[0].Version;
            await steps.RunAsync($"get version {version}", () => client.GetVersionAsync(slug, version, Ct),
                v => $"{v.Version} stored as {v.File}").ConfigureAwait(false);
        }

        if (plugin?.License?.Type == LicenseType.StaticKeys)
        {
            await ListLicenseKeysAsync(slug).ConfigureAwait(false);
        }

        if (account is not null)
        {
            await UpdateCheckAsync(account.Account.Prefix, slug, channel: null, licenseKey: null, expectVersion: null, expectValid: null).ConfigureAwait(false);
        }
    }

    private Task<IReadOnlyList<LicenseKey>?> ListLicenseKeysAsync(string slug) =>
        steps.RunAsync("licence keys", () => client.ListLicenseKeysAsync(slug, Ct),
            list => $"{list.Count} key(s)",
            list =>
            {
                var table = TourSteps.Table("key", "expires");
                foreach (var k in list.Take(5))
                {
                    TourSteps.AddRow(table, Mask(k.Key), Expires(k.Expires));
                }

                return list.Count == 0 ? null : table;
            });

    private Task<PluginUpdateInfo?> UpdateCheckAsync(string prefix, string slug, ReleaseChannel? channel, string? licenseKey, string? expectVersion, bool? expectValid)
    {
        var name = channel switch
        {
            ReleaseChannel.Alpha => "alpha",
            ReleaseChannel.Beta => "beta",
            ReleaseChannel.Rc => "rc",
            ReleaseChannel.Stable => "stable",
            _ => "default channel",
        };
        var title = $"update check: {name}, {(licenseKey is null ? "no key" : "key")}";
        return steps.RunAsync(title, () => client.CheckForUpdateAsync(prefix, slug, channel, licenseKey, Ct),
            u =>
            {
                TourSteps.Check(expectVersion is null || u.Version == expectVersion, $"version {expectVersion} (got {u.Version})");
                TourSteps.Check(expectValid is null || u.License?.Valid == expectValid, $"licence valid = {expectValid}");
                TourSteps.Check(expectValid is not true || u.DownloadLink is not null, "a download link with a valid key");
                var link = u.DownloadLink is { } l ? "download link to " + l.Segments[^1] : "no download link";
                var valid = u.License?.Valid switch { true => "valid", false => "not valid", null => "?" };
                return $"{slug} {u.Version} (WP {u.RequiresAtLeast}+, PHP {u.RequiresPhp}+), licence {valid}, {link}";
            });
    }

    private async Task<VersionUploadResult> UploadWithProgressAsync(string slug, string zipPath)
    {
        var length = new FileInfo(zipPath).Length;
        if (!steps.Interactive)
        {
            // No live bar in a log file: one line per quarter of the ZIP sent.
            var quarters = new QuarterReporter(length, sent => steps.Note($"    … {sent:N0} of {length:N0} bytes sent"));
            return await client.UploadVersionAsync(slug, zipPath, quarters, Ct).ConfigureAwait(false);
        }

        VersionUploadResult? result = null;
        await steps.Console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"    uploading {Path.GetFileName(zipPath)}", maxValue: length);
                result = await client.UploadVersionAsync(slug, zipPath, new ProgressTaskReporter(task), Ct).ConfigureAwait(false);
                task.Value = length;
            }).ConfigureAwait(false);
        return result!;
    }

    private string Mask(string? secret, bool always = false) =>
        secret is null ? "-" : (live || always) && secret.Length > 8 ? string.Concat(secret.AsSpan(0, 4), "…", secret.AsSpan(secret.Length - 2)) : secret;

    private static string Expires(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never";

    /// <summary>Calls <paramref name="print"/> when the bytes sent cross 25, 50, 75 and 100 % (a retry starts again at 0).</summary>
    private sealed class QuarterReporter(long length, Action<long> print) : IProgress<long>
    {
        private int _printed;

        public void Report(long value)
        {
            var quarter = length == 0 ? 4 : (int)(value * 4 / length);
            if (value == 0)
            {
                _printed = 0;
            }
            else if (quarter > _printed)
            {
                _printed = quarter;
                print(value);
            }
        }
    }

    /// <summary>Bytes sent so far → the progress bar. Reported synchronously on the sending thread (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class ProgressTaskReporter(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }
}
