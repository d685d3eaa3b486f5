using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace PluginApis.Reliability.Tests;

/// <summary>One attempt as the transport saw it.</summary>
/// <param name="Kind">The fault injected (or <see cref="FaultKind.None"/>).</param>
/// <param name="Forwarded">True when the request went to the emulator.</param>
/// <param name="ServerStatus">The emulator's real status; null when not forwarded or when the answer never came (cancelled).</param>
public sealed record Attempt(FaultKind Kind, bool Forwarded, int? ServerStatus);

/// <summary>What happened to one SDK call: its attempts at the transport and its outcome.</summary>
public sealed class CallRecord(string operation, bool idempotent, string? sideEffect)
{
    private readonly List<Attempt> _attempts = [];

    public string Operation { get; } = operation;

    public bool Idempotent { get; } = idempotent;

    /// <summary>The emulator counter this call increments when processed (non-idempotent POSTs), or null.</summary>
    public string? SideEffect { get; } = sideEffect;

    public IReadOnlyList<Attempt> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    public Exception? Exception { get; set; }

    /// <summary>True when an earlier call of the same operation in this client saw a 429 announcing a wait beyond MaxRateLimitWait.</summary>
    public bool MayBeRefusedLocally { get; init; }

    public bool Succeeded => Exception is null;

    /// <summary>False when a success returned wrong data.</summary>
    public bool DataCorrect { get; set; } = true;

    /// <summary>False when the call depends on an earlier call whose side effect did not happen (a 404 is then expected).</summary>
    public bool PreconditionMet { get; set; } = true;

    /// <summary>The server processed the call (some attempt was forwarded and answered 2xx).</summary>
    public bool ServerProcessed => Attempts.Any(a => a.Forwarded && a.ServerStatus is >= 200 and < 300);

    public int Forwarded => Attempts.Count(a => a.Forwarded);

    public void Add(Attempt attempt)
    {
        lock (_attempts)
        {
            _attempts.Add(attempt);
        }
    }
}

/// <summary>
/// A seeded, reproducible fault injector between the SDK and the emulator's real loopback transport. Per attempt it either
/// forwards untouched, answers instead of forwarding (the server never sees it), or forwards and then spoils the answer
/// (the server processed it). Attempts are recorded on the <see cref="Current"/> call.
/// </summary>
public sealed class FaultInjectionHandler(int seed, double faultRate, TimeProvider? time = null) : DelegatingHandler
{
    private static readonly FaultKind[] Kinds = Enum.GetValues<FaultKind>().Where(k => k != FaultKind.None).ToArray();
    private readonly Random _random = new(seed);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Channel<FaultKind> _stalls = Channel.CreateUnbounded<FaultKind>();

    /// <summary>The call the current async flow is making.</summary>
    public static AsyncLocal<CallRecord?> Current { get; } = new();

    /// <summary>Faults injected, by kind.</summary>
    public ConcurrentDictionary<FaultKind, int> Injected { get; } = new();

    /// <summary>Only these kinds are injected when set (e.g. for a focused test).</summary>
    public IReadOnlyList<FaultKind>? Only { get; init; }

    /// <summary>When set, the kinds of the next attempts in order (then <see cref="FaultKind.None"/>); the random choice is skipped.</summary>
    public Queue<FaultKind>? Script { get; init; }

    /// <summary>
    /// Waits (at most 30 s, a hang guard) until an attempt stalls (<see cref="FaultKind.BeforeStall"/>, <see cref="FaultKind.AfterStall"/>):
    /// from then on only its attempt timeout can end it, so a test on a fake clock may advance the clock.
    /// </summary>
    public async Task<FaultKind> NextStallAsync(CancellationToken cancellationToken) =>
        await _stalls.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        FaultKind kind;
        int variant;
        lock (_random)
        {
            var pool = Only ?? Kinds;
            kind = Script is { } script ? (script.TryDequeue(out var next) ? next : FaultKind.None)
                : _random.NextDouble() < faultRate ? pool[_random.Next(pool.Count)] : FaultKind.None;
            variant = _random.Next(1000);
        }

        if (kind != FaultKind.None)
        {
            Injected.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }

        var call = Current.Value;
        if (kind.IsBefore())
        {
            call?.Add(new Attempt(kind, Forwarded: false, ServerStatus: null));
            return await InjectBeforeAsync(kind, variant, request, cancellationToken).ConfigureAwait(false);
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            call?.Add(new Attempt(kind, Forwarded: true, ServerStatus: null));
            throw;
        }

        call?.Add(new Attempt(kind, Forwarded: true, (int)response.StatusCode));
        if (kind == FaultKind.None)
        {
            return response;
        }

        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            response.Dispose();
        }

        switch (kind)
        {
            case FaultKind.AfterTruncatedJson:
                return Copy(response, request, new ByteArrayContent(body[..(body.Length / 2)]));
            case FaultKind.AfterEmpty200:
                var empty = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent([]) };
                empty.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return empty;
            case FaultKind.AfterWrongContentType:
                return Html(HttpStatusCode.OK, request, "<html><body><h1>Scheduled maintenance</h1></body></html>");
            case FaultKind.AfterConnectionReset:
                throw ConnectionReset();
            case FaultKind.AfterBodyReset:
                return Copy(response, request, new StreamContent(new FailingStream(body[..(body.Length / 2)])));
            case FaultKind.AfterStall:
                _stalls.Writer.TryWrite(kind);
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException("unreachable");
            case FaultKind.After502Html:
                return Html(HttpStatusCode.BadGateway, request, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
            default:
                throw new InvalidOperationException(kind.ToString());
        }
    }

    private async Task<HttpResponseMessage> InjectBeforeAsync(FaultKind kind, int variant, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FaultKind.Before429NoHeaders:
                return Plain(HttpStatusCode.TooManyRequests, request, "Too Many Requests");
            case FaultKind.Before429RatelimitReset:
            {
                var response = Plain(HttpStatusCode.TooManyRequests, request, "Too Many Requests");
                response.Headers.TryAddWithoutValidation("Ratelimit-Reset", variant % 4 == 0 ? "1" : "0");
                return response;
            }

            case FaultKind.Before429RetryAfterDate:
            {
                var response = Plain(HttpStatusCode.TooManyRequests, request, "Too Many Requests");
                var at = _time.GetUtcNow().AddSeconds(variant % 4 == 0 ? 1 : 0);
                response.Headers.TryAddWithoutValidation("Retry-After", at.ToString("r", CultureInfo.InvariantCulture));
                return response;
            }

            case FaultKind.Before429Absurd:
            {
                var response = Plain(HttpStatusCode.TooManyRequests, request, "Too Many Requests");
                switch (variant % 4)
                {
                    case 0: response.Headers.TryAddWithoutValidation("Retry-After", "99999999999999999999"); break;
                    case 1: response.Headers.TryAddWithoutValidation("Retry-After", "86400"); break;
                    case 2: response.Headers.TryAddWithoutValidation("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"); break;
                    default: response.Headers.TryAddWithoutValidation("Ratelimit-Reset", "31536000000"); break;
                }

                return response;
            }

            case FaultKind.Before429Garbage:
            {
                var response = Plain(HttpStatusCode.TooManyRequests, request, "Too Many Requests");
                string[] garbage = ["soon", "-1", "1.5", "Thu, 99 Foo 2026 25:61:61 GMT", " ", "0x10", "NaN", "1e9", "\u00e9\u00e8"];
                response.Headers.TryAddWithoutValidation("Retry-After", garbage[variant % garbage.Length]);
                response.Headers.TryAddWithoutValidation("Ratelimit-Reset", garbage[(variant / 10) % garbage.Length]);
                response.Headers.TryAddWithoutValidation("RateLimit-Limit", ";w=;;,,=");
                return response;
            }

            case FaultKind.Before5xxHtml:
            {
                HttpStatusCode[] codes = [HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];
                var code = codes[variant % codes.Length];
                return Html(code, request, $"<html><head><title>{(int)code}</title></head><body><h1>{(int)code} {code}</h1><p>The upstream server is unavailable.</p></body></html>");
            }

            case FaultKind.BeforeConnectionReset:
                throw ConnectionReset();
            case FaultKind.BeforeStall:
                _stalls.Writer.TryWrite(kind);
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException("unreachable");
            default:
                throw new InvalidOperationException(kind.ToString());
        }
    }

    // What SocketsHttpHandler throws when the peer resets the connection.
    private static HttpRequestException ConnectionReset() =>
        new(HttpRequestError.ConnectionError, "An error occurred while sending the request.",
            new IOException("Unable to read data from the transport connection: Connection reset by peer.",
                new SocketException((int)SocketError.ConnectionReset)));

    private static HttpResponseMessage Plain(HttpStatusCode status, HttpRequestMessage request, string text) =>
        new(status) { RequestMessage = request, Content = new StringContent(text, Encoding.UTF8, "text/plain") };

    private static HttpResponseMessage Html(HttpStatusCode status, HttpRequestMessage request, string html) =>
        new(status) { RequestMessage = request, Content = new StringContent(html, Encoding.UTF8, "text/html") };

    private static HttpResponseMessage Copy(HttpResponseMessage original, HttpRequestMessage request, HttpContent content)
    {
        var copy = new HttpResponseMessage(original.StatusCode) { RequestMessage = request, Content = content, Version = original.Version };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (original.Content.Headers.ContentType is { } type)
        {
            content.Headers.ContentType = type;
        }

        return copy;
    }

    /// <summary>Yields the bytes it has, then fails like a connection that died mid-body.</summary>
    private sealed class FailingStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= data.Length)
            {
                throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely. (ResponseEnded)");
            }

            var n = Math.Min(buffer.Length, data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
