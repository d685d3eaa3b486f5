namespace PluginTests.Client.Tests;

/// <summary>One request as it reached the transport (after the API-key handler), with the fake time it was sent at.</summary>
internal sealed record SentRequest(HttpMethod Method, string RawUri, string? Body, string? ContentType, DateTimeOffset At, HttpRequestMessage Message)
{
    /// <summary>The escaped path relative to <see cref="Harness.BaseAddress"/>, as sent.</summary>
    public string RelativePath
    {
        get
        {
            var path = RawUri.Split('?', 2)[0];
            Assert.StartsWith(Harness.BaseAddress.AbsoluteUri, path);
            return path[Harness.BaseAddress.AbsoluteUri.Length..];
        }
    }

    /// <summary>The raw query string (without '?').</summary>
    public string Query => RawUri.Split('?', 2) is [_, var q] ? q : string.Empty;

    /// <summary>The query parameters, unescaped, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters =>
        Query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty))
            .ToList();

    /// <summary>Asserts the query holds the API key exactly once and nothing else.</summary>
    public void AssertOnlyApiKey()
    {
        var parameter = Assert.Single(QueryParameters);
        Assert.Equal("apiKey", parameter.Key);
        Assert.Equal(Harness.ApiKey, parameter.Value);
    }
}
