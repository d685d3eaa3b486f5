using System.Globalization;
using System.Text;
using PluginApis.Http;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Issue #12, row 14: a server that echoes the key in its error body — as sent, percent-encoded, JSON-escaped (<c>\u002B</c>,
/// <c>\/</c>) or every character escaped. The body, message and server message keep none of it.
/// </summary>
public sealed class EchoedKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Construction.Options)]
    [InlineData(Construction.OptionsAndTransport)]
    [InlineData(Construction.DependencyInjection)]
    public async Task A_key_echoed_in_an_error_body_in_any_encoding_is_masked(Construction how)
    {
        await using var server = HostileServer.Start(x =>
        {
            var key = x.Request.Header("x-api-key") ?? Uri.UnescapeDataString(x.Request.Target.Split("apiKey=")[1].Split('&')[0]);
            var message = $"Key {Escaped(key, all: false)} (sent as {Uri.EscapeDataString(key)}, {Escaped(key, all: true)}) is not allowed.";
            var body = $$"""{"status":403,"message":"{{message}}","error":{"message":"{{message}}","code":"forbidden"},"echo":"{{key.Replace("/", "\\/", StringComparison.Ordinal)}}"}""";
            return x.RespondJsonAsync(403, body);
        });
        using var clients = HostileClients.Create(how, server);
        var (pt, wu) = clients.Build();

        var errors = new[]
        {
            await Assert.ThrowsAnyAsync<ApiException>(() => pt.GetCurrentUserAsync(Ct)),
            await Assert.ThrowsAnyAsync<ApiException>(() => wu.ListPluginsAsync(Ct)),
        };

        foreach (var error in errors)
        {
            Assert.Contains("REDACTED", error.ResponseBody, StringComparison.Ordinal);
            Assert.StartsWith("Key REDACTED (sent as REDACTED, REDACTED) is not allowed.", error.ServerMessage, StringComparison.Ordinal);
            clients.AssertNothingShowsTheKey(error);
        }
    }

    // JSON escapes: only what is not a letter or digit (\u002B for +, \/ for /), or every character.
    private static string Escaped(string key, bool all)
    {
        var text = new StringBuilder();
        foreach (var c in key)
        {
            text.Append(c switch
            {
                '/' when !all => "\\/",
                _ when all || !char.IsAsciiLetterOrDigit(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
