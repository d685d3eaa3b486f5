using System.Globalization;
using System.Text;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// One request and the raw answer a <see cref="HostileServer"/> script writes to it: any status line, any headers, any
/// bytes, early or never. The body is read only when the script asks (so a server can answer while the client is still sending).
/// </summary>
internal sealed class RawExchange(RawConnection connection, RawRequest request, int index, CancellationToken stopping)
{
    private bool _bodyRead;

    public RawRequest Request { get; } = request;

    /// <summary>The position of this request among all the server received (0 = first).</summary>
    public int Index { get; } = index;

    public HostileServer Server => connection.Server;

    /// <summary>Cancelled when the server is disposed.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>False to close the connection after this answer.</summary>
    public bool KeepAlive { get; set; } = true;

    /// <summary>Reads the request body (sending <c>100 Continue</c> first when the client waits for it).</summary>
    public async Task<byte[]> ReadBodyAsync()
    {
        if (_bodyRead)
        {
            return [];
        }

        _bodyRead = true;
        if (Request.ExpectsContinue)
        {
            await WriteAsync("HTTP/1.1 100 Continue\r\n\r\n");
        }

        using var body = new MemoryStream();
        if (Request.IsChunked)
        {
            while (int.Parse((await connection.ReadLineAsync(Stopping)).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var size and > 0)
            {
                await CopyAsync(body, size);
                await connection.ReadLineAsync(Stopping);
            }

            await connection.ReadLineAsync(Stopping);
        }
        else if (Request.ContentLength is { } length)
        {
            await CopyAsync(body, length);
        }

        return body.ToArray();
    }

    /// <summary>Reads whatever the client still sends until it closes the connection, counting it as body bytes; for early answers.</summary>
    public async Task DrainAsync()
    {
        _bodyRead = true;
        KeepAlive = false;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await connection.ReadAsync(buffer, Stopping)) > 0)
        {
            Request.Received(read);
        }
    }

    /// <summary>Writes a status line and headers (no body yet).</summary>
    public Task WriteHeadAsync(int status, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (!KeepAlive)
        {
            head.Append("Connection: close\r\n");
        }

        return WriteAsync(head.Append("\r\n").ToString());
    }

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public Task WriteAsync(ReadOnlyMemory<byte> bytes) => connection.WriteAsync(bytes, Stopping);

    /// <summary>Reads the request body, then answers with <paramref name="body"/> and a Content-Length.</summary>
    public async Task RespondAsync(int status, byte[] body, params (string Name, string Value)[] headers)
    {
        await ReadBodyAsync();
        await WriteHeadAsync(status, [.. headers, ("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))]);
        await WriteAsync(body);
    }

    /// <summary>Answers JSON (UTF-8).</summary>
    public Task RespondJsonAsync(int status, string json, params (string Name, string Value)[] headers) =>
        RespondAsync(status, Encoding.UTF8.GetBytes(json), [("Content-Type", "application/json"), .. headers]);

    /// <summary>Stops answering: tells the server's watchers this request is stalled, then waits until the server stops.</summary>
    public async Task StallAsync()
    {
        Server.Stalled(Request);
        await Task.Delay(Timeout.Infinite, Stopping);
    }

    /// <summary>Makes sure an unread request body does not become the next request head.</summary>
    public async Task FinishAsync()
    {
        if (!_bodyRead && (Request.ContentLength > 0 || Request.IsChunked))
        {
            if (Request.ExpectsContinue)
            {
                // The client never sent it: the connection cannot be reused.
                KeepAlive = false;
                return;
            }

            await ReadBodyAsync();
        }
    }

    private async Task CopyAsync(MemoryStream body, long count)
    {
        var buffer = new byte[64 * 1024];
        while (count > 0)
        {
            var read = await connection.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), Stopping);
            if (read == 0)
            {
                throw new IOException("The client closed the connection in the middle of the body.");
            }

            body.Write(buffer, 0, read);
            Request.Received(read);
            count -= read;
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        _ => "Whatever",
    };
}
