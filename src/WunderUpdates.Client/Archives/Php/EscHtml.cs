using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WunderUpdates.Client.Archives.Php;

/// <summary>
/// WordPress's <c>esc_html()</c> on a UTF-8 site (<c>wp-includes/formatting.php</c>): text that is not valid UTF-8 becomes
/// empty (<c>wp_check_invalid_utf8</c>); otherwise <c>_wp_specialchars($text, ENT_QUOTES)</c> escapes <c>&lt; &gt; " '</c>
/// and <c>&amp;</c> except where it starts a valid entity, which it normalises first (<c>wp_kses_normalize_entities</c> in
/// <c>wp-includes/kses.php</c>) before PHP's <c>htmlspecialchars(..., double_encode: false)</c>.
/// </summary>
internal static partial class EscHtml
{
    /// <summary>
    /// Named entities that survive: WordPress's <c>$allowedentitynames</c> that are also HTML 4.01 entities (PHP's
    /// <c>htmlspecialchars</c> re-escapes the others, i.e. <c>&amp;apos;</c>).
    /// </summary>
    private static readonly HashSet<string> KeptEntityNames = new(
        """
        quot amp lt gt nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn
        sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde
        Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc
        Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring
        aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml
        divide oslash ugrave uacute ucirc uuml yacute thorn yuml OElig oelig Scaron scaron Yuml fnof circ tilde Alpha
        Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau Upsilon Phi Chi
        Psi Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma
        tau upsilon phi chi psi omega thetasym upsih piv ensp emsp thinsp zwnj zwj lrm rlm ndash mdash lsquo rsquo
        sbquo ldquo rdquo bdquo dagger Dagger bull hellip permil prime Prime lsaquo rsaquo oline frasl euro image
        weierp real trade alefsym larr uarr rarr darr harr crarr lArr uArr rArr dArr hArr forall part exist empty
        nabla isin notin ni prod sum minus lowast radic prop infin ang and or cap cup int there4 sim cong asymp ne
        equiv le ge sub sup nsub sube supe oplus otimes perp sdot lceil rceil lfloor rfloor lang rang loz spades clubs
        hearts diams
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Escapes a byte string (see <see cref="PhpBytes"/>) like <c>esc_html()</c>.</summary>
    public static string Escape(string bytes)
    {
        if (bytes.Length == 0 || !PhpBytes.IsValidUtf8(bytes))
        {
            return string.Empty;
        }

        if (bytes.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return bytes;
        }

        // wp_kses_normalize_entities(): disarm every '&', then re-arm the entities it trusts.
        var text = bytes.Replace("&", "&amp;", StringComparison.Ordinal);
        text = NamedEntity().Replace(text, static m =>
            KeptEntityNames.Contains(m.Groups[1].Value) ? $"&{m.Groups[1].Value};" : m.Value);
        text = DecimalEntity().Replace(text, static m => NormalizeDecimal(m.Groups[1].Value));
        text = HexEntity().Replace(text, static m => NormalizeHex(m.Groups[1].Value));

        // htmlspecialchars(ENT_QUOTES, double_encode: false): every '&' left now starts a valid entity.
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#039;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary><c>wp_kses_normalize_entities2</c>: a decimal entity that is a valid character keeps at least 3 digits.</summary>
    private static string NormalizeDecimal(string digits)
    {
        if (PhpBytes.IsEmpty(digits))
        {
            return string.Empty;
        }

        long value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return IsValidUnicode(value)
            ? "&#" + PhpBytes.TrimStart(digits, "0").PadLeft(3, '0') + ";"
            : "&amp;#" + digits + ";";
    }

    /// <summary><c>wp_kses_normalize_entities3</c>: a hexadecimal entity that is a valid character loses its leading zeros.</summary>
    private static string NormalizeHex(string hex)
    {
        if (PhpBytes.IsEmpty(hex))
        {
            return string.Empty;
        }

        long value = long.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return IsValidUnicode(value) ? "&#x" + PhpBytes.TrimStart(hex, "0") + ";" : "&amp;#x" + hex + ";";
    }

    /// <summary>kses's <c>valid_unicode()</c>: tab, LF, CR and the XML character ranges.</summary>
    private static bool IsValidUnicode(long i) =>
        i is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    [GeneratedRegex("&amp;([A-Za-z]{2,8}[0-9]{0,2});", RegexOptions.CultureInvariant)]
    private static partial Regex NamedEntity();

    [GeneratedRegex("&amp;#(0*[0-9]{1,7});", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalEntity();

    [GeneratedRegex("&amp;#[Xx](0*[0-9A-Fa-f]{1,6});", RegexOptions.CultureInvariant)]
    private static partial Regex HexEntity();
}
