namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>One request as a <see cref="HostileServer"/> received it: the request line, every header in order, and the body bytes that arrived.</summary>
internal sealed class RawRequest
{
    private long _bodyBytes;

    public RawRequest(int connection, string head)
    {
        Connection = connection;
        Head = head;
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        Method = parts[0];
        Target = parts.Length > 1 ? parts[1] : string.Empty;
        Headers = [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var colon = l.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (l, string.Empty) : (l[..colon].Trim(), l[(colon + 1)..].Trim());
        })];
    }

    /// <summary>Which connection (numbered from 1 as accepted) carried it.</summary>
    public int Connection { get; }

    /// <summary>The request line and headers exactly as received.</summary>
    public string Head { get; }

    public string Method { get; }

    /// <summary>The request target, e.g. <c>/api/v1/user?apiKey=…</c>.</summary>
    public string Target { get; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; }

    /// <summary>The path of <see cref="Target"/>, without the query.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>The request body bytes the server read (a body it never asked for and never read counts 0).</summary>
    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    public long? ContentLength => Header("Content-Length") is { } value && long.TryParse(value, out var length) ? length : null;

    public bool IsChunked => Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    public bool ExpectsContinue => Header("Expect")?.Contains("100-continue", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The value of the first header named <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public void Received(long bytes) => Interlocked.Add(ref _bodyBytes, bytes);

    public override string ToString() => $"#{Connection} {Method} {Target} ({BodyBytes:N0} body bytes)";
}
