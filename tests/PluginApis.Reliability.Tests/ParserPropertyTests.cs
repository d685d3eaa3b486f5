using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PluginApis.Http;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests;

/// <summary>
/// Property tests of every parser that reads untrusted input. tests/PluginApis.Http.Tests/RateLimitPropertyTests covers arbitrary
/// values under fixed header names, the draft-03 round trip and IMF-fixdate Retry-After; these add arbitrary header names,
/// case-insensitivity, the HttpResponseHeaders path the SDK uses, the obsolete HTTP-date formats, and the plugin-header,
/// readme and ZIP parsers.
/// </summary>
public sealed class ParserPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] KnownNames = ["RateLimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset", "RateLimit", "RateLimit-Policy", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"];
    private static readonly char[] PhpTrim = [' ', '\t', '\n', '\r', '\0', '\x0B'];
    private static readonly Regex WordPressVersion = new(@"^[0-9]+\.[0-9](\.[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static bool Sane(RateLimitInfo info) =>
        (info.Limit is null or >= 0) && (info.Remaining is null or >= 0)
        && (info.Reset is null || (info.Reset >= TimeSpan.Zero && info.Reset <= TimeSpan.FromDays(365)))
        && (info.RetryAfter is null || (info.RetryAfter >= TimeSpan.Zero && info.RetryAfter <= TimeSpan.FromDays(365)))
        && info.Policies.All(p => p.Quota >= 0 && p.Window > TimeSpan.Zero);

    [Fact]
    public void Rate_limit_parsing_never_throws_on_arbitrary_header_names_and_values()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(string, string, bool)[]>(), headers =>
        {
            var pairs = (headers ?? []).Select((h, i) =>
                new KeyValuePair<string, string>(h.Item3 ? KnownNames[i % KnownNames.Length] : h.Item1!, h.Item2!));
            return Sane(RateLimitInfo.Parse(pairs, Now));
        }).Check(Config);
    }

    [Fact]
    public void Unknown_header_names_are_ignored()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(string, string)[]>(), headers =>
        {
            var pairs = (headers ?? [])
                .Where(h => h.Item1 is null || !KnownNames.Any(n => string.Equals(n, h.Item1.Trim(), StringComparison.OrdinalIgnoreCase)))
                .Select(h => new KeyValuePair<string, string>(h.Item1!, h.Item2!));
            return RateLimitInfo.Parse(pairs, Now).IsEmpty;
        }).Check(Config);
    }

    [Fact]
    public void Header_names_match_in_any_casing()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(NonNegativeInt, NonNegativeInt, NonNegativeInt, int)>(), values =>
        {
            var (limit, remaining, reset, casing) = values;
            var random = new Random(casing);
            string Case(string name) => string.Concat(name.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
            var canonical = new[]
            {
                new KeyValuePair<string, string>("RateLimit-Limit", limit.Get.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("RateLimit-Remaining", remaining.Get.ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("RateLimit-Reset", (reset.Get % 100_000).ToString(CultureInfo.InvariantCulture)),
                new KeyValuePair<string, string>("Retry-After", (reset.Get % 1000).ToString(CultureInfo.InvariantCulture)),
            };
            var a = RateLimitInfo.Parse(canonical, Now);
            var b = RateLimitInfo.Parse(canonical.Select(p => new KeyValuePair<string, string>(" " + Case(p.Key) + " ", p.Value)), Now);
            return a.Limit == b.Limit && a.Remaining == b.Remaining && a.Reset == b.Reset && a.RetryAfter == b.RetryAfter && a.Limit == limit.Get;
        }).Check(Config);
    }

    [Fact]
    public void Parsing_real_response_headers_never_throws()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(string, string)[]>(), headers =>
        {
            using var response = new HttpResponseMessage();
            foreach (var (i, (name, value)) in (headers ?? []).Index())
            {
                // Arbitrary names (rejected ones are skipped by HttpHeaders) and arbitrary values under the known names.
                response.Headers.TryAddWithoutValidation(name ?? "x", value);
                response.Headers.TryAddWithoutValidation(KnownNames[i % KnownNames.Length], value);
            }

            return Sane(RateLimitInfo.Parse(response.Headers, Now));
        }).Check(Config);
    }

    [Fact]
    public void Retry_after_in_every_http_date_format_round_trips()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<NonNegativeInt>(), seconds =>
        {
            var s = seconds.Get % 10_000_000;
            var at = Now.AddSeconds(s).UtcDateTime;
            string[] forms =
            [
                at.ToString("r", CultureInfo.InvariantCulture),                                        // IMF-fixdate
                at.ToString("dddd, dd-MMM-yy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture),            // RFC 850
                at.ToString("ddd MMM ", CultureInfo.InvariantCulture) + at.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2) + at.ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture), // asctime
            ];
            return forms.All(f => RateLimitInfo.Parse([new("Retry-After", f)], Now).RetryAfter == TimeSpan.FromSeconds(s));
        }).Check(Config);
    }

    [Fact]
    public void Plugin_header_parsing_never_throws_and_values_are_single_trimmed_lines()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var headers = WordPressHeaders.Parse(text ?? string.Empty, WordPressHeaders.PluginHeaderNames);
            return headers.Values.All(v => v.Length > 0 && v.IndexOfAny(['\r', '\n']) < 0 && v == v.Trim(PhpTrim)
                && !v.Contains("*/", StringComparison.Ordinal) && !v.Contains("?>", StringComparison.Ordinal));
        }).Check(Config);
    }

    [Fact]
    public void File_data_decoding_never_throws_on_arbitrary_bytes()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var text = WordPressHeaders.DecodeFileData(bytes ?? []);
            _ = WordPressHeaders.Parse(text, WordPressHeaders.PluginHeaderNames);
            return text.Length <= WordPressHeaders.MaxFileDataBytes;
        }).Check(Config);
    }

    [Fact]
    public void A_header_value_round_trips()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(string, bool)>(), input =>
        {
            var (value, php) = input;
            var expected = (value ?? string.Empty).Trim(PhpTrim);
            if (expected.Length == 0 || expected == "0" || (value ?? string.Empty).IndexOfAny(['\r', '\n']) >= 0 || expected.Contains("*/", StringComparison.Ordinal) || expected.Contains("?>", StringComparison.Ordinal))
            {
                return true; // not a well-formed value
            }

            var block = (php ? "<?php\n/**\n" : "/*\n") + " * Plugin Name: Round Trip\n * Version: " + value + "\n * Author: Someone\n */\n";
            var headers = WordPressHeaders.Parse(WordPressHeaders.DecodeFileData(Encoding.UTF8.GetBytes(block)), WordPressHeaders.PluginHeaderNames);
            return headers.TryGetValue("Version", out var parsed) && parsed == expected && headers["Plugin Name"] == "Round Trip" && headers["Author"] == "Someone";
        }).Check(Config);
    }

    [Fact]
    public void Readme_parsing_never_throws_and_a_header_value_round_trips()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => PluginReadme.Parse(text ?? string.Empty) is not null).Check(Config);
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), value =>
        {
            // WordPress.org trims header values of spaces, tabs, '*' and '-', splits lines at any \R, and keeps Requires at
            // least only if it looks like a WordPress version; the raw value stays in Headers.
            var raw = value ?? string.Empty;
            var expected = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(raw.Trim(' ', '\t', '*', '-')));
            if (expected.Length == 0 || raw.IndexOfAny(['\r', '\n', '\v', '\f', '\u0085', '\u2028', '\u2029']) >= 0)
            {
                return true;
            }

            var readme = PluginReadme.Parse($"=== Round Trip ===\nContributors: someone\nRequires at least: {raw}\nTested up to: 6.8\n\nShort description.\n");
            return readme.Name == "Round Trip" && readme.Headers["Requires at least"] == expected && readme.TestedUpTo == "6.8"
                && (readme.RequiresAtLeast is null || WordPressVersion.IsMatch(readme.RequiresAtLeast));
        }).Check(Config);
    }

    [Fact]
    public void Archive_inspection_of_arbitrary_bytes_throws_only_InvalidPluginArchiveException()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => InspectsSafely(bytes ?? [])).Check(Config);
    }

    [Fact]
    public void Archive_inspection_of_a_damaged_zip_throws_only_InvalidPluginArchiveException()
    {
        var zip = Rig.PluginZip("damaged", "1.0.0");
        Prop.ForAll(ArbMap.Default.ArbFor<(int, byte)[]>(), edits =>
        {
            var copy = (byte[])zip.Clone();
            foreach (var (at, value) in edits ?? [])
            {
                copy[(int)((uint)at % (uint)copy.Length)] = value;
            }

            return InspectsSafely(copy);
        }).Check(Config);
    }

    [Fact]
    public void Archive_inspection_of_random_plugin_files_throws_only_InvalidPluginArchiveException()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(string, string, string)>(), files =>
        {
            var (name, php, readme) = files;
            using var buffer = new MemoryStream();
            using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (path, content) in new[] { ($"{name}/{name}.php", php), ($"{name}/readme.txt", readme), (name ?? "x", php) })
                {
                    if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
                    {
                        continue;
                    }

                    using var entry = archive.CreateEntry(path).Open();
                    entry.Write(Encoding.UTF8.GetBytes(content ?? string.Empty));
                }
            }

            return InspectsSafely(buffer.ToArray());
        }).Check(Config);
    }

    private static bool InspectsSafely(byte[] bytes)
    {
        try
        {
            var info = PluginArchive.Inspect(new MemoryStream(bytes));
            return !string.IsNullOrEmpty(info.Slug) && !string.IsNullOrEmpty(info.Version);
        }
        catch (InvalidPluginArchiveException)
        {
            return true;
        }
    }
}
