namespace PluginApis.Http.Tests;

/// <summary>The one redaction rule: secrets masked in every encoding, query values shown only when allow-listed.</summary>
public class RedactorTests
{
    [Theory]
    [InlineData("https://h/x?apiKey=abc&page=1", "https://h/x?apiKey=REDACTED&page=1")]
    [InlineData("https://h/x?key=lic-123", "https://h/x?key=REDACTED")]
    [InlineData("https://h/x?APIKEY=abc", "https://h/x?APIKEY=REDACTED")]
    [InlineData("https://h/x?session=s3cr3t", "https://h/x?session=REDACTED")]
    [InlineData("https://h/x?page=2&per_page=50", "https://h/x?page=2&per_page=50")]
    [InlineData("https://h/x", "https://h/x")]
    public void Query_values_are_shown_only_for_allow_listed_names(string input, string expected) =>
        Assert.Equal(expected, Redactor.Query(input));

    [Theory]
    [InlineData("x a b+c y", "x REDACTED y")]
    [InlineData("x a%20b%2Bc y", "x REDACTED y")]
    [InlineData("x a+b%2bc y", "x REDACTED y")]
    [InlineData("x a\\u0020b\\u002Bc y", "x REDACTED y")]
    [InlineData("x a b\\u002bc y", "x REDACTED y")]
    [InlineData("x a b+d y", "x a b+d y")]
    public void A_secret_is_masked_raw_percent_encoded_or_json_escaped(string text, string expected) =>
        Assert.Equal(expected, new Redactor("a b+c").Text(text));

    [Fact]
    public void Non_ascii_secrets_are_masked_in_their_utf8_percent_encoding()
    {
        var redactor = new Redactor("unrelated-api-key");

        Assert.Equal("k=REDACTED k=REDACTED", redactor.Text("k=lizénz-ü1 k=liz%C3%A9nz-%c3%bc1", ["lizénz-ü1"]));
    }

    [Fact]
    public void Short_per_call_values_are_not_masked_so_messages_stay_readable()
    {
        Assert.Equal("plugins/pro/x", new Redactor("unrelated-api-key").Text("plugins/pro/x", ["pro"]));
    }

    [Fact]
    public void Uris_are_redacted_with_the_query_rule_and_the_secrets()
    {
        var redactor = new Redactor("K3Y-value");
        var uri = redactor.Uri(new Uri("https://h/v1/keys/LICENSE-123456?apiKey=K3Y-value&page=3"), ["LICENSE-123456"]);

        Assert.Equal("https://h/v1/keys/REDACTED?apiKey=REDACTED&page=3", uri!.AbsoluteUri);
    }
}
