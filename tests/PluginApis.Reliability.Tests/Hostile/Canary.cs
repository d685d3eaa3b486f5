using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PluginApis.Http;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// The canary keys of the hostile suite (their own, so nothing another suite logs can be mistaken for a leak) and the check
/// that finds them in any text: raw, percent-encoded (either case, <c>+</c> or <c>%20</c>), JSON-escaped, or a fragment of one.
/// </summary>
internal static partial class Canary
{
    public const string PluginTests = "ptHOSTILE-9d2e+Lq4/W8z=a17c";

    public const string WunderUpdates = "wuHOSTILE-3b6f+Rk1/V5x=e29d";

    private static readonly string[] Needles =
    [
        PluginTests, WunderUpdates,
        Uri.EscapeDataString(PluginTests), Uri.EscapeDataString(WunderUpdates),
        WebUtility.UrlEncode(PluginTests), WebUtility.UrlEncode(WunderUpdates),
        "9d2e+Lq4", "W8z=a17c", "3b6f+Rk1", "V5x=e29d", "HOSTILE-9d2e", "HOSTILE-3b6f",
    ];

    /// <summary>True when <paramref name="text"/> holds a canary in any form (checked as it is and once decoded).</summary>
    public static bool IsIn(string? text) =>
        text is not null && (Contains(text) || Contains(Decode(text)));

    /// <summary>Everything an exception shows: its whole chain's text and, for API exceptions, the URI, body and server message.</summary>
    public static string Shown(Exception ex)
    {
        var text = new StringBuilder(ex.ToString());
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message);
            if (e is ApiException api)
            {
                text.AppendLine(api.RequestUri?.OriginalString).AppendLine(api.ResponseBody).AppendLine(api.ServerMessage).AppendLine(api.ErrorCode);
            }

            foreach (var key in e.Data.Keys)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{key}={e.Data[key]}");
            }
        }

        return text.ToString();
    }

    private static bool Contains(string text) => Needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));

    // JSON escapes (\uXXXX, \/), then percent-escapes.
    private static string Decode(string text)
    {
        var json = JsonEscape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()).Replace("\\/", "/", StringComparison.Ordinal);
        try
        {
            return Uri.UnescapeDataString(json);
        }
        catch (UriFormatException)
        {
            return json;
        }
    }

    [GeneratedRegex(@"\\[uU]([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();
}
