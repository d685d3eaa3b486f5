namespace WunderUpdates.Client.Archives.Php;

/// <summary>
/// PHP's <c>strnatcasecmp()</c> (PHP 8, <c>main/strnatcmp.c</c>, Martin Pool's natural order): runs of digits compare
/// by value (a run starting with <c>0</c> compares digit by digit, as a fraction), whitespace is skipped, ASCII letters
/// compare case-insensitively, everything else byte by byte. WordPress sorts a folder's plugins with it
/// (<c>_sort_uname_callback</c> in <c>wp-admin/includes/plugin.php</c>).
/// </summary>
internal static class NaturalOrder
{
    /// <summary>Compares two byte strings (see <see cref="PhpBytes"/>) like <c>strnatcasecmp()</c>: negative, zero or positive.</summary>
    public static int CompareIgnoreCase(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 0 : a.Length > b.Length ? 1 : -1;
        }

        int ap = 0;
        int bp = 0;

        // Skip leading zeros that are followed by another digit.
        while (At(a, ap) == '0' && ap + 1 < a.Length && char.IsAsciiDigit(a[ap + 1]))
        {
            ap++;
        }

        while (At(b, bp) == '0' && bp + 1 < b.Length && char.IsAsciiDigit(b[bp + 1]))
        {
            bp++;
        }

        while (true)
        {
            // PHP strings end with a NUL byte, so reading one past the end yields '\0', which is not a space.
            while (PhpBytes.IsSpace(At(a, ap)))
            {
                ap++;
            }

            while (PhpBytes.IsSpace(At(b, bp)))
            {
                bp++;
            }

            char ca = At(a, ap);
            char cb = At(b, bp);
            if (char.IsAsciiDigit(ca) && char.IsAsciiDigit(cb))
            {
                bool fractional = ca == '0' || cb == '0';
                int result = fractional ? CompareLeft(a, ref ap, b, ref bp) : CompareRight(a, ref ap, b, ref bp);
                if (result != 0)
                {
                    return result;
                }

                if (ap == a.Length && bp == b.Length)
                {
                    return 0;
                }

                if (ap == a.Length)
                {
                    return -1;
                }

                if (bp == b.Length)
                {
                    return 1;
                }

                ca = a[ap];
                cb = b[bp];
            }

            ca = ToUpperAscii(ca);
            cb = ToUpperAscii(cb);
            if (ca != cb)
            {
                return ca < cb ? -1 : 1;
            }

            ap++;
            bp++;
            if (ap >= a.Length && bp >= b.Length)
            {
                return 0;
            }

            if (ap >= a.Length)
            {
                return -1;
            }

            if (bp >= b.Length)
            {
                return 1;
            }
        }
    }

    /// <summary>Two right-aligned numbers: the longer run wins, otherwise the first differing digit decides.</summary>
    private static int CompareRight(string a, ref int ap, string b, ref int bp)
    {
        int bias = 0;
        for (; ; ap++, bp++)
        {
            bool aEnd = ap >= a.Length || !char.IsAsciiDigit(a[ap]);
            bool bEnd = bp >= b.Length || !char.IsAsciiDigit(b[bp]);
            if (aEnd && bEnd)
            {
                return bias;
            }

            if (aEnd)
            {
                return -1;
            }

            if (bEnd)
            {
                return 1;
            }

            if (bias == 0 && a[ap] != b[bp])
            {
                bias = a[ap] < b[bp] ? -1 : 1;
            }
        }
    }

    /// <summary>Two left-aligned numbers (fractions): the first differing digit wins.</summary>
    private static int CompareLeft(string a, ref int ap, string b, ref int bp)
    {
        for (; ; ap++, bp++)
        {
            bool aEnd = ap >= a.Length || !char.IsAsciiDigit(a[ap]);
            bool bEnd = bp >= b.Length || !char.IsAsciiDigit(b[bp]);
            if (aEnd && bEnd)
            {
                return 0;
            }

            if (aEnd)
            {
                return -1;
            }

            if (bEnd)
            {
                return 1;
            }

            if (a[ap] != b[bp])
            {
                return a[ap] < b[bp] ? -1 : 1;
            }
        }
    }

    private static char At(string s, int index) => index < s.Length ? s[index] : '\0';

    private static char ToUpperAscii(char c) => char.IsAsciiLetterLower(c) ? (char)(c & ~0x20) : c;
}
