using System.Net;

namespace PluginApis.Emulator.Tests;

/// <summary>Bodies are JSON for API clients: apostrophes and other HTML-sensitive characters are not \u-escaped.</summary>
public sealed class JsonEncodingTests
{
    [Fact]
    public async Task Messages_keep_apostrophes_in_both_services_error_bodies()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);

        using var pt = await http.PtPost("test-queue", """{"directory":"wporg","slug":"Bad Slug"}""");
        var ptBody = await pt.Content.ReadAsStringAsync(T.Ct);
        Assert.Contains("digits, '.', '_' and '-'", ptBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", ptBody, StringComparison.Ordinal);

        using var wu = await http.WuJson(HttpMethod.Post, "plugins", """{"slug":"Bad Slug","license":{"type":"no-license"}}""");
        var wuBody = await wu.Content.ReadAsStringAsync(T.Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wu.StatusCode);
        Assert.Contains("'_' and '-'", wuBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", wuBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_and_quotes_are_still_escaped()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var created = await http.PtPost("user/webhooks", """{"url":"https://example.com/a?b='c'&d=\"e\"<f>"}""");
        var body = await created.Content.ReadAsStringAsync(T.Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("""https://example.com/a?b='c'&d=\"e\"<f>""", body, StringComparison.Ordinal);
    }
}
