using System.Text.RegularExpressions;
using WunderUpdates.Client.Archives.Php;

namespace WunderUpdates.Client.Archives.Readme;

/// <summary>
/// Turns the header fields into the values the WordPress.org readme parser reports (the <c>if ( ! empty( $headers[...] ) )</c>
/// block of <c>Parser::parse_readme_contents</c> and its <c>sanitize_*</c> methods). Fields are byte strings.
/// </summary>
internal static partial class ReadmeFields
{
    /// <summary><c>$ignore_tags</c>: tags the directory drops (compared exactly, case-sensitively).</summary>
    private static readonly string[] IgnoredTags = ["plugin", "wordpress"];

    private const int MaxTags = 5;
    private const string LicenseTrimChars = " -*\t\n\r\n(";

    public static PluginReadme Build(string? name, Dictionary<string, string> fields, IReadOnlyDictionary<string, string> headers)
    {
        string? Get(string field) => fields.TryGetValue(field, out var value) && !PhpBytes.IsEmpty(value) ? value : null;

        var (license, licenseUri) = SplitLicense(Get("license"), Get("license_uri"));
        return new PluginReadme
        {
            Name = Text(name),
            Headers = headers,
            Tags = SplitTags(Get("tags")),
            RequiresAtLeast = Text(SanitizeWordPressVersion(Get("requires"), ["WordPress", "WP", "or higher", "and above", "+"])),
            TestedUpTo = Text(SanitizeWordPressVersion(Get("tested"), ["WordPress", "WP"])),
            RequiresPhp = Text(SanitizeRequiresPhp(Get("requires_php"))),
            Contributors = SplitContributors(Get("contributors")),
            StableTag = Text(SanitizeStableTag(Get("stable_tag"))),
            DonateLink = Text(Get("donate_link")),
            License = Text(license),
            LicenseUri = Text(licenseUri),
        };
    }

    private static string? Text(string? bytes) => string.IsNullOrEmpty(bytes) ? null : PhpBytes.ToText(bytes);

    /// <summary>Split at commas, trimmed, empty and <c>"0"</c> dropped (<c>array_filter</c>), ignored tags dropped, the first five kept.</summary>
    private static string[] SplitTags(string? value) =>
        value is null
            ? []
            : value.Split(',')
                .Select(static tag => PhpBytes.Trim(tag))
                .Where(static tag => !PhpBytes.IsEmpty(tag) && !IgnoredTags.Contains(tag, StringComparer.Ordinal))
                .Take(MaxTags)
                .Select(PhpBytes.ToText)
                .ToArray();

    /// <summary>
    /// <c>sanitize_contributors()</c> without its WordPress.org user look-up: a leading <c>@</c> removed, lower-cased like a
    /// WordPress.org user slug (ASCII), empty names dropped (no user has one).
    /// </summary>
    private static string[] SplitContributors(string? value) =>
        value is null
            ? []
            : value.Split(',')
                .Select(static name => PhpBytes.ToLowerAscii(PhpBytes.TrimStart(PhpBytes.Trim(name), "@")))
                .Where(static name => name.Length > 0)
                .Select(PhpBytes.ToText)
                .ToArray();

    /// <summary>
    /// <c>sanitize_requires_version()</c> / <c>sanitize_tested_version()</c>: "WordPress", "WP" (and for Requires, "or higher",
    /// "and above", "+") removed, anything from the first <c>-</c> cut, and the rest must match <c>^\d+\.\d(\.\d+)?$</c> or it
    /// is dropped. (WordPress.org also drops versions above its current branch + 0.1; that bound is not known here.)
    /// </summary>
    private static string? SanitizeWordPressVersion(string? value, string[] phrases)
    {
        if (value is null)
        {
            return null;
        }

        var version = PhpBytes.Trim(value);
        if (PhpBytes.IsEmpty(version))
        {
            return version;
        }

        foreach (var phrase in phrases)
        {
            version = PhpBytes.RemoveIgnoreAsciiCase(version, phrase);
        }

        version = PhpBytes.Trim(version).Split('-')[0];
        return WordPressVersion().IsMatch(version) ? version : string.Empty;
    }

    /// <summary><c>sanitize_requires_php()</c>: kept only if it matches <c>^\d+(\.\d+){1,2}$</c>.</summary>
    private static string? SanitizeRequiresPhp(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var version = PhpBytes.Trim(value);
        return !PhpBytes.IsEmpty(version) && !PhpVersion().IsMatch(version) ? string.Empty : version;
    }

    /// <summary>
    /// <c>sanitize_stable_tag()</c>: quotes and a leading <c>tags/</c> or <c>/tags/</c> removed, characters outside
    /// <c>[A-Za-z0-9_.-]</c> dropped, a leading <c>.</c> prefixed with <c>0</c>.
    /// </summary>
    private static string? SanitizeStableTag(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var tag = PhpBytes.Trim(PhpBytes.Trim(value), "\"'");
        tag = TagsPrefix().Replace(tag, string.Empty, 1);
        tag = NotStableTagChar().Replace(tag, string.Empty);
        return tag.StartsWith('.') ? "0" + tag : tag;
    }

    /// <summary>"License: GPLv2 - http://…": without a License URI header, the first URL in the licence becomes the URI.</summary>
    private static (string? License, string? Uri) SplitLicense(string? license, string? uri)
    {
        if (license is not null && uri is null && LicenseUrl().Match(license) is { Success: true } url)
        {
            uri = PhpBytes.Trim(url.Groups[1].Value, LicenseTrimChars);
            license = PhpBytes.Trim(license.Replace(url.Groups[1].Value, string.Empty, StringComparison.Ordinal), LicenseTrimChars);
        }

        return (license, PhpBytes.IsEmpty(uri) ? null : uri);
    }

    [GeneratedRegex(@"^[0-9]+\.[0-9]([.][0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPressVersion();

    [GeneratedRegex(@"^[0-9]+([.][0-9]+){1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhpVersion();

    [GeneratedRegex("^/?[Tt][Aa][Gg][Ss]/", RegexOptions.CultureInvariant)]
    private static partial Regex TagsPrefix();

    [GeneratedRegex("[^a-zA-Z0-9_.-]", RegexOptions.CultureInvariant)]
    private static partial Regex NotStableTagChar();

    [GeneratedRegex(@"([Hh][Tt][Tt][Pp][Ss]?://[^ \t\n\x0B\f\r]+)", RegexOptions.CultureInvariant)]
    private static partial Regex LicenseUrl();
}
