using System.Text;

namespace WunderUpdates.Client.Archives.Php;

/// <summary>
/// PHP's <c>strip_tags()</c> without allowed tags (PHP 8, <c>php_strip_tags_ex</c> in <c>ext/standard/string.c</c>): a
/// state machine over bytes that drops HTML tags, <c>&lt;?php ... ?&gt;</c> blocks, comments and NUL bytes. A <c>&lt;</c>
/// followed by whitespace is text. Quotes inside a tag hide <c>&gt;</c>.
/// </summary>
internal static class StripTags
{
    private enum State
    {
        Text,
        Tag,
        Php,
        Declaration,
        Comment,
    }

    /// <summary>Strips tags from a byte string (see <see cref="PhpBytes"/>).</summary>
    public static string Strip(string input)
    {
        var output = new StringBuilder(input.Length);
        var state = State.Text;
        char lastSignificant = '\0';
        char inQuote = '\0';
        int parentheses = 0;
        int depth = 0;
        bool isXml = false;

        for (int p = 0; p < input.Length; p++)
        {
            char c = input[p];
            char previous = p >= 1 ? input[p - 1] : '\0';
            switch (state)
            {
                case State.Text:
                    if (c == '\0')
                    {
                        break;
                    }

                    if (c == '<')
                    {
                        if (inQuote != '\0')
                        {
                            break;
                        }

                        if (PhpBytes.IsSpace(At(input, p + 1)))
                        {
                            output.Append(c);
                            break;
                        }

                        lastSignificant = '<';
                        state = State.Tag;
                        break;
                    }

                    if (c == '>')
                    {
                        if (depth > 0)
                        {
                            depth--;
                            break;
                        }

                        if (inQuote != '\0')
                        {
                            break;
                        }
                    }

                    output.Append(c);
                    break;

                case State.Tag:
                    switch (c)
                    {
                        case '<':
                            if (inQuote == '\0' && !PhpBytes.IsSpace(At(input, p + 1)))
                            {
                                depth++;
                            }

                            break;
                        case '>':
                            if (depth > 0)
                            {
                                depth--;
                            }
                            else if (inQuote == '\0')
                            {
                                lastSignificant = '>';
                                if (!(isXml && previous == '-'))
                                {
                                    inQuote = '\0';
                                    isXml = false;
                                    state = State.Text;
                                }
                            }

                            break;
                        case '"' or '\'':
                            if (p != 0 && (inQuote == '\0' || c == inQuote))
                            {
                                inQuote = inQuote != '\0' ? '\0' : c;
                            }

                            break;
                        case '!' when previous == '<' && p >= 1:
                            state = State.Declaration;
                            lastSignificant = c;
                            break;
                        case '?' when previous == '<' && p >= 1:
                            parentheses = 0;
                            state = State.Php;
                            break;
                    }

                    break;

                case State.Php:
                    (state, lastSignificant, inQuote, parentheses, depth, isXml) =
                        PhpBlock(input, p, c, previous, lastSignificant, inQuote, parentheses, depth, isXml);
                    break;

                case State.Declaration:
                    switch (c)
                    {
                        case '>':
                            if (depth > 0)
                            {
                                depth--;
                            }
                            else if (inQuote == '\0')
                            {
                                state = State.Text;
                            }

                            break;
                        case '"' or '\'':
                            if (p != 0 && previous != '\\' && (inQuote == '\0' || c == inQuote))
                            {
                                inQuote = inQuote != '\0' ? '\0' : c;
                            }

                            break;
                        case '-' when p >= 2 && previous == '-' && input[p - 2] == '!':
                            state = State.Comment;
                            break;
                        case 'E' or 'e' when p > 6 && EndsDoctyp(input, p):
                            state = State.Tag;
                            break;
                    }

                    break;

                case State.Comment:
                    if (c == '>' && inQuote == '\0' && p >= 2 && previous == '-' && input[p - 2] == '-')
                    {
                        inQuote = '\0';
                        state = State.Text;
                    }

                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>One byte inside <c>&lt;? ... ?&gt;</c>: parentheses and quotes are tracked; <c>?&gt;</c> outside them ends the block.</summary>
    private static (State, char, char, int, int, bool) PhpBlock(
        string input, int p, char c, char previous, char last, char inQuote, int parentheses, int depth, bool isXml)
    {
        switch (c)
        {
            case '(' when last is not ('"' or '\''):
                return (State.Php, '(', inQuote, parentheses + 1, depth, isXml);
            case ')' when last is not ('"' or '\''):
                return (State.Php, ')', inQuote, parentheses - 1, depth, isXml);
            case '>':
                if (depth > 0)
                {
                    return (State.Php, last, inQuote, parentheses, depth - 1, isXml);
                }

                if (inQuote == '\0' && parentheses == 0 && p >= 1 && last != '"' && previous == '?')
                {
                    return (State.Text, last, '\0', parentheses, depth, isXml);
                }

                break;
            case '"' or '\'' when p >= 1 && previous != '\\':
                last = last == c ? '\0' : last != '\\' ? c : last;
                if (p != 0 && (inQuote == '\0' || c == inQuote))
                {
                    inQuote = inQuote != '\0' ? '\0' : c;
                }

                break;
            case 'l' or 'L' when p > 4 && previous is 'm' or 'M' && input[p - 2] is 'x' or 'X' && input[p - 3] == '?' && input[p - 4] == '<':
                // "<?xml" is not PHP: back to an HTML tag.
                return (State.Tag, last, inQuote, parentheses, depth, true);
        }

        return (State.Php, last, inQuote, parentheses, depth, isXml);
    }

    private static bool EndsDoctyp(string input, int p) =>
        PhpBytes.EqualsIgnoreAsciiCase(input.AsSpan(p - 6, 6), "doctyp");

    private static char At(string s, int index) => index < s.Length ? s[index] : '\0';
}
