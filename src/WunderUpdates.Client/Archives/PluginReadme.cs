using System.Collections.ObjectModel;
using System.Text;
using WunderUpdates.Client.Archives.Readme;

namespace WunderUpdates.Client;

/// <summary>
/// The name and header block of a plugin's <c>readme.txt</c>, as the WordPress.org plugin directory's readme parser reads
/// them (see <c>docs/plugin-archives.md</c> for each rule and its source). Made by <see cref="Parse(string)"/>; construct
/// one yourself for a fake.
/// </summary>
public sealed class PluginReadme
{
    /// <summary>
    /// The plugin name: the first non-blank line with <c>#</c>, <c>=</c> and spaces trimmed, tags stripped and HTML-escaped
    /// (<c>=== Tom &amp; Jerry ===</c> gives <c>Tom &amp;amp; Jerry</c>); null when that line is already a header
    /// (<c>Contributors: …</c>) or the name is empty.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// Every <c>Key: value</c> line of the header block, known or not: keys as written and values, both trimmed of spaces,
    /// tabs, <c>*</c> and <c>-</c>; keys compared case-insensitively; a repeated key keeps its last value. Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers
    {
        get;
        init => field = value ?? ReadOnlyDictionary<string, string>.Empty;
    } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>
    /// The <c>Contributors:</c> names split at commas, a leading <c>@</c> removed and lower-cased like WordPress.org user
    /// slugs (WordPress.org also drops names that are no user; that look-up is not made here). Empty if absent.
    /// </summary>
    public IReadOnlyList<string> Contributors
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>The <c>Tags:</c> split at commas, without <c>plugin</c> and <c>wordpress</c>, at most the first five. Empty if absent.</summary>
    public IReadOnlyList<string> Tags
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>The <c>Donate link:</c> value, or null.</summary>
    public string? DonateLink { get; init; }

    /// <summary>
    /// The minimum WordPress version (<c>Requires at least:</c>, or <c>Requires:</c>, whichever comes last), with "WordPress",
    /// "WP", "or higher", "and above", "+" and any <c>-suffix</c> removed; null unless it then looks like <c>6.4</c> or <c>6.4.1</c>.
    /// </summary>
    public string? RequiresAtLeast { get; init; }

    /// <summary>
    /// The latest WordPress version tested (<c>Tested up to:</c> or <c>Tested:</c>, whichever comes last), with "WordPress",
    /// "WP" and any <c>-suffix</c> removed; null unless it then looks like <c>6.4</c> or <c>6.4.1</c>.
    /// </summary>
    public string? TestedUpTo { get; init; }

    /// <summary>The <c>Requires PHP:</c> value if it looks like <c>7.4</c> or <c>7.4.1</c>; otherwise (or if absent) null.</summary>
    public string? RequiresPhp { get; init; }

    /// <summary>
    /// The <c>Stable tag:</c> value sanitised like WordPress.org does: quotes and a leading <c>tags/</c> removed, characters
    /// outside <c>[A-Za-z0-9_.-]</c> dropped, a leading <c>.</c> prefixed with <c>0</c>; null if absent or empty (a raw
    /// <c>Stable tag: 0</c> counts as absent).
    /// </summary>
    public string? StableTag { get; init; }

    /// <summary>The <c>License:</c> value (without the URL when <c>License: GPLv2 - https://…</c> carries one), or null.</summary>
    public string? License { get; init; }

    /// <summary>The <c>License URI:</c> value, else the URL found in <c>License:</c>, or null.</summary>
    public string? LicenseUri { get; init; }

    /// <summary>
    /// Parses the top of a readme given as text: the name line, then the <c>Key: value</c> header lines up to the first line
    /// that is neither a header nor blank, or an unknown key after a blank line. Sections (<c>== Description ==</c>) are not read.
    /// </summary>
    /// <param name="text">The readme text; a leading byte order mark (U+FEFF) is ignored.</param>
    /// <returns>The parsed readme; never null (an empty text gives a readme without name or headers).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static PluginReadme Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// Parses the top of a readme file given as bytes, as WordPress.org reads the file: UTF-8 (a byte order mark is
    /// dropped); a file starting with the UTF-16 little-endian byte order mark is converted line by line as WordPress.org
    /// does (which garbles lines after the first; a readme saved as UTF-8 is the safe choice); bytes that are not valid
    /// UTF-8 are read as they come and shown as U+FFFD, and a name line that is not valid UTF-8 gives no name.
    /// </summary>
    /// <param name="content">The readme file's bytes.</param>
    /// <returns>The parsed readme; never null.</returns>
    /// <remarks>Never throws: any bytes give a readme (an empty or unreadable one gives no name and no headers).</remarks>
    public static PluginReadme Parse(ReadOnlySpan<byte> content) => ReadmeParser.Parse(ReadmeLines.Split(content));
}
