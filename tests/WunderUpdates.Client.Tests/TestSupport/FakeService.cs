using System.Net;
using System.Text;
using PluginApis.Testing;
using RichardSzalay.MockHttp;

namespace WunderUpdates.Client.Tests.TestSupport;

/// <summary>
/// A mocked WunderUpdates transport with a parking clock: register answers in order with <see cref="Expect"/>, then
/// read what was sent from <see cref="Requests"/>. Any request not expected fails the call.
/// </summary>
internal sealed class FakeService : IDisposable
{
    public const string ApiKey = "wu-secret-key-4711";
    public const string Base = "https://api.wunderupdates.com/v1/";

    private readonly MockHttpMessageHandler _mock = new();

    public FakeService()
    {
        _mock.Fallback.Respond(request => RecordThenThrowAsync(request, new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}")));
    }

    public ParkingClock Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The waits the last <see cref="RunWithClockAsync{T}"/> advanced the clock by, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits { get; private set; } = [];

    public List<RecordedRequest> Requests { get; } = [];

    public WunderUpdatesClient CreateClient(Action<WunderUpdatesClientOptions>? configure = null)
    {
        var options = new WunderUpdatesClientOptions { ApiKey = ApiKey };
        options.Resilience.TimeProvider = Time;
        options.Resilience.UseJitter = false;

        // Timeouts are off unless a test sets them: the only timers armed are then the waits under test, and
        // RunWithClockAsync advances the clock by exactly each of them.
        options.Resilience.AttemptTimeout = Timeout.InfiniteTimeSpan;
        options.Resilience.TotalTimeout = Timeout.InfiniteTimeSpan;
        configure?.Invoke(options);
        return new WunderUpdatesClient(options, _mock);
    }

    /// <summary>Expects one request (in registration order) to exactly <see cref="Base"/> + <paramref name="pathAndQuery"/>.</summary>
    public void Expect(HttpMethod method, string pathAndQuery, HttpStatusCode status = HttpStatusCode.OK, string? body = null, string mediaType = "application/json", params (string Name, string Value)[] headers) =>
        AddExpectation(method, pathAndQuery, async r =>
        {
            Requests.Add(await RecordedRequest.CaptureAsync(r));
            var response = new HttpResponseMessage(status);
            if (body is not null)
            {
                response.Content = new StringContent(body, Encoding.UTF8, mediaType);
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });

    /// <summary>Expects one request that fails in the transport (after its body was read) with <paramref name="failure"/>.</summary>
    public void ExpectFailure(HttpMethod method, string pathAndQuery, Exception failure) =>
        AddExpectation(method, pathAndQuery, r => RecordThenThrowAsync(r, failure));

    private void AddExpectation(HttpMethod method, string pathAndQuery, Func<HttpRequestMessage, Task<HttpResponseMessage>> respond)
    {
        var expected = Base + pathAndQuery;
        var request = new MockedRequest();
        request.With(r => r.Method == method && r.RequestUri!.AbsoluteUri == expected);
        request.Respond(respond);
        _mock.AddRequestExpectation(request);
    }

    // MockHttp never completes a call whose response task faults, so the failure is thrown synchronously.
    private Task<HttpResponseMessage> RecordThenThrowAsync(HttpRequestMessage request, Exception failure)
    {
        Requests.Add(RecordedRequest.CaptureAsync(request).GetAwaiter().GetResult());
        throw failure;
    }

    public void VerifyNoOutstandingExpectation() => _mock.VerifyNoOutstandingExpectation();

    /// <summary>Runs <paramref name="call"/>, advancing the clock by exactly each wait it parks on (recorded in <see cref="Waits"/>), without sleeping.</summary>
    public async Task<T> RunWithClockAsync<T>(Func<Task<T>> call)
    {
        var task = call();
        Waits = await Time.RunAsync(task);
        return await task;
    }

    public async Task<TException> ThrowsWithClockAsync<TException, T>(Func<Task<T>> call)
        where TException : Exception =>
        await Xunit.Assert.ThrowsAsync<TException>(() => RunWithClockAsync(call));

    public void Dispose() => _mock.Dispose();

    /// <summary>The header a 429 carries to say when the window resets.</summary>
    public static (string, string) RateLimitReset(int seconds) => ("Ratelimit-Reset", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>JSON written with single quotes, for readable test data.</summary>
    public static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');
}
