using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PluginApis.Http;

namespace PluginApis.Http.Tests;

/// <summary>A transport that answers from a script and records what it received (with the body bytes and the fake time).</summary>
internal sealed class ScriptedTransport(TimeProvider time) : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<(HttpMethod Method, string Uri, byte[]? Body, DateTimeOffset At, Dictionary<string, string> Headers)> Received { get; } = [];

    public ScriptedTransport Then(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _script.Enqueue((r, _) => Task.FromResult(answer(r)));
        return this;
    }

    public ScriptedTransport ThenAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public ScriptedTransport Then(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers) =>
        Then(_ => Response(status, body, headers));

    public static HttpResponseMessage Response(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body ?? string.Empty, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Received.Add((request.Method, request.RequestUri!.AbsoluteUri, body, time.GetUtcNow(), headers));
        if (_script.Count == 0)
        {
            throw new InvalidOperationException("The script has no more answers.");
        }

        var response = await _script.Dequeue()(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record Thing(string Name);

internal static class TestClients
{
    public const string ApiKey = "k3y-CANARY-0123456789";

    public static readonly ApiServiceDefinition Service = ServiceWith(ApiKeyPlacement.Query("apiKey"));

    public static ApiServiceDefinition ServiceWith(ApiKeyPlacement placement) => new()
    {
        Name = "Test",
        KeyPlacement = placement,
        ParseError = body =>
        {
            using var doc = ApiErrorBody.TryParseObject(body, out var root);
            return doc is null ? default : new ApiErrorInfo(ApiErrorBody.GetString(root, "code"), ApiErrorBody.GetString(root, "message"));
        },
        CreateException = (message, response, info) => new ApiException(message, response, info.Code, info.Message),
    };

    public static (ApiConnection Connection, ScriptedTransport Transport, FakeTimeProvider Time) Create(Action<ApiResilienceOptions>? configure = null, ApiKeyPlacement? placement = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var transport = new ScriptedTransport(time);
        var options = new TestOptions { ApiKey = ApiKey };
        options.Resilience.TimeProvider = time;
        options.Resilience.UseJitter = false;
        configure?.Invoke(options.Resilience);
        var connection = ApiConnection.Create(options, placement is null ? Service : ServiceWith(placement), transport);
        return (connection, transport, time);
    }

    public static ApiRequest Get(string path = "things/1", string operation = "GetThing") => new(HttpMethod.Get, path, operation);

    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<Thing> ThingInfo => TestJson.Default.Thing;

    /// <summary>
    /// Advances the fake clock in steps until the task completes or <paramref name="limit"/> of fake time passed.
    /// Real time is used only to let continuations run between steps; on a loaded machine a continuation may miss a few
    /// steps, so timing assertions allow up to 0.9 s of fake time past the expected wait (less than any wrong behaviour: a
    /// second wait or an extra backoff step) and never accept a wait that is too short.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilDone(this FakeTimeProvider time, Task task, TimeSpan limit, TimeSpan? step = null)
    {
        var increment = step ?? TimeSpan.FromMilliseconds(100);
        var elapsed = TimeSpan.Zero;
        for (var spins = 0; spins < 20 && !task.IsCompleted; spins++)
        {
            await Task.Delay(1);
        }

        while (!task.IsCompleted && elapsed < limit)
        {
            time.Advance(increment);
            elapsed += increment;
            for (var spins = 0; spins < 20 && !task.IsCompleted; spins++)
            {
                await Task.Delay(1);
            }
        }

        return elapsed;
    }

    /// <summary>Advances fake time by <paramref name="amount"/> in steps, letting continuations run.</summary>
    public static async Task AdvanceBy(this FakeTimeProvider time, TimeSpan amount, TimeSpan? step = null)
    {
        var increment = step ?? TimeSpan.FromMilliseconds(100);
        for (var elapsed = TimeSpan.Zero; elapsed < amount; elapsed += increment)
        {
            time.Advance(increment);
            for (var spins = 0; spins < 5; spins++)
            {
                await Task.Delay(1);
            }
        }
    }
}

internal sealed class TestOptions : ApiClientOptions
{
    public override Uri BaseAddress { get; set; } = new("https://api.example.test/v1/");
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Thing))]
internal sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;
