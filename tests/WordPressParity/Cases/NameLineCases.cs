using static WordPressParity.Cases.Bytes;

namespace WordPressParity.Cases;

/// <summary>
/// Readme name lines for the parser's <c>sanitize_text()</c>: PHP's <c>strip_tags()</c> and core's <c>esc_html()</c>. None is
/// a known header or <c>Plugin Name</c>, and none holds a line break, so the first line is the name on both sides.
/// </summary>
internal static class NameLineCases
{
    private static readonly string[] Lines =
    [
        "=== Acme Order Notes ===",
        "# Acme Order Notes",
        "=== Tom & Jerry's \"Best\" Plugin ===",
        "=== <b>Bold</b> <a href=\"https://example.com\">Linked</a> Name ===",
        "=== Less < Than and > Greater ===",
        "=== a<b ===",
        "=== Unclosed <tag and more ===",
        "=== <!-- hidden comment --> Visible ===",
        "=== <?php echo 'x'; ?> After PHP ===",
        "=== <?xml version=\"1.0\"?> After XML ===",
        "=== <!DOCTYPE html> After Doctype ===",
        "=== <a title=\"x > y\">Quoted Bracket</a> ===",
        "=== <a title='it''s'>Odd Quotes</a> ===",
        "=== &amp; &hellip; &copy; &nbsp; Entities ===",
        "=== &apos; &bogus; &AMP; &Hellip; ===",
        "=== &#65; &#x41; &#X41; &#0065; &#0; &#00; &#x0; &#1114111; &#1114112; &#xD800; ===",
        "=== &#38;amp; &&amp;& ===",
        "=== 5 > 3 && 2 < 4 ===",
        "=== Café Réservations — 予約 ===",
        "=== Emoji 🚀 Rocket ===",
        "===    Padded Name    ===",
        "\t==  Tabbed  ==\t",
        "=#= Mixed =#=",
        "Plain Name Without Markers",
        "=== Name === with trailing text ===",
        "=== Name with a colon: not a known header ===",
    ];

    public static IReadOnlyList<NameLineCase> All()
    {
        var cases = Lines.Select((line, i) => new NameLineCase($"name-{i + 1:00}", Utf8(line))).ToList();
        cases.Add(new NameLineCase("name-latin1", Concat(Utf8("=== Caf"), [0xE9], Utf8(" Latin ==="))));
        cases.Add(new NameLineCase("name-latin1-inside-tag", Concat(Utf8("=== <i x=\""), [0xE9], Utf8("\">Tagged</i> ==="))));
        cases.Add(new NameLineCase("name-nul", Concat(Utf8("=== Nul"), [0], Utf8("Byte ==="))));
        return cases;
    }
}
