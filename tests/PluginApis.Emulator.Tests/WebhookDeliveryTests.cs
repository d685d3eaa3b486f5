using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace PluginApis.Emulator.Tests;

/// <summary>Finished tests POST <c>test_finished</c> / <c>first_test_finished</c> events to a real loopback receiver.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 7, 0, 0, TimeSpan.Zero);

    private static async Task<string> RegisterAsync(HttpClient http, Uri url, string? eventType, string key = EmulatorKeys.PluginTestsDemo)
    {
        var type = eventType is null ? "null" : $"\"{eventType}\"";
        using var response = await http.PtPost("user/webhooks", $$"""{"url":"{{url}}","eventType":{{type}}}""", key);
        return (await response.ExpectJson(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static (string Path, string Event, JsonElement Body) Parse(ReceivedRequest request)
    {
        using var document = JsonDocument.Parse(request.Body);
        var body = document.RootElement.Clone();
        Assert.Equal(body.GetProperty("eventType").GetString(), request.Event);
        return (request.Path, request.Event!, body);
    }

    [Fact]
    public async Task First_test_of_a_plugin_sends_both_events_by_type_and_later_tests_only_test_finished()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time);
        await using var receiver = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        var finished = await RegisterAsync(http, receiver.Url("hooks/finished"), "test_finished");
        var first = await RegisterAsync(http, receiver.Url("hooks/first"), "first_test_finished");
        var all = await RegisterAsync(http, receiver.Url("hooks/all"), null);

        var job = await TestJobTests.EnqueueAsync(http, """{"directory":"wporg","slug":"hello-dolly"}""");
        time.Advance(TimeSpan.FromSeconds(3));
        await emu.WhenIdleAsync(T.Ct);

        var received = receiver.Drain().Select(Parse).OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Event, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("/hooks/all", "first_test_finished"), ("/hooks/all", "test_finished"), ("/hooks/finished", "test_finished"), ("/hooks/first", "first_test_finished")],
            received.Select(r => (r.Path, r.Event)));
        Assert.Equal(4, emu.Stats.WebhooksDelivered);
        Assert.Equal(0, emu.Stats.WebhookDeliveryFailures);

        var body = received.Single(r => r.Path == "/hooks/finished").Body;
        Assert.Equal(finished, body.GetProperty("webhookId").GetString());
        Assert.Equal("wporg", body.GetProperty("directory").GetString());
        Assert.Equal("hello-dolly", body.GetProperty("slug").GetString());
        Assert.Equal("1.7.2", body.GetProperty("pluginVersion").GetString());
        Assert.Equal("passed", body.GetProperty("status").GetString());
        Assert.Equal(0, body.GetProperty("errorCount").GetInt32());
        Assert.Equal("1-7-2-2026-12-03", body.GetProperty("reportSlug").GetString());
        Assert.Equal("https://plugintests.com/plugins/wporg/hello-dolly/reports/1-7-2-2026-12-03", body.GetProperty("reportUrl").GetString());
        Assert.Equal("2026-12-03T07:00:03Z", body.GetProperty("testedAt").GetString());
        Assert.Equal(job.GetProperty("id").GetString(), body.GetProperty("jobId").GetString());
        Assert.Equal(first, received.Single(r => r.Path == "/hooks/first").Body.GetProperty("webhookId").GetString());
        Assert.Equal(all, received.First(r => r.Path == "/hooks/all").Body.GetProperty("webhookId").GetString());

        await TestJobTests.EnqueueAsync(http, """{"directory":"wporg","slug":"hello-dolly"}""");
        time.Advance(TimeSpan.FromSeconds(3));
        await emu.WhenIdleAsync(T.Ct);
        Assert.Equal(
            [("/hooks/all", "test_finished"), ("/hooks/finished", "test_finished")],
            receiver.Drain().Select(Parse).Select(r => (r.Path, r.Event)).OrderBy(r => r.Path, StringComparer.Ordinal));
        Assert.Equal(6, emu.Stats.WebhooksDelivered);
    }

    [Fact]
    public async Task Public_plugins_notify_every_user_and_own_plugins_only_their_owner()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time);
        await using var receiver = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        await RegisterAsync(http, receiver.Url("demo"), "test_finished");
        await RegisterAsync(http, receiver.Url("other"), "test_finished", EmulatorKeys.PluginTestsOther);

        await TestJobTests.EnqueueAsync(http, """{"directory":"wporg","slug":"akismet"}""");
        await TestJobTests.EnqueueAsync(http, """{"directory":"demo","slug":"demo-private-plugin"}""");
        time.Advance(TimeSpan.FromSeconds(3));
        await emu.WhenIdleAsync(T.Ct);

        var received = receiver.Drain().Select(Parse).ToList();
        Assert.Equal(["/demo akismet", "/demo demo-private-plugin", "/other akismet"],
            received.Select(r => $"{r.Path} {r.Body.GetProperty("slug").GetString()}").Order(StringComparer.Ordinal));
        // The other user learns of the public test, not of the demo user's job.
        Assert.Equal(JsonValueKind.Null, received.Single(r => r.Path == "/other").Body.GetProperty("jobId").ValueKind);
    }

    [Fact]
    public async Task Failing_receivers_are_counted_and_the_emulator_carries_on()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time);
        await using var receiver = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        receiver.Serve("broken", 500, []);
        await RegisterAsync(http, receiver.Url("broken"), "test_finished");
        await RegisterAsync(http, new Uri($"http://127.0.0.1:{T.ClosedPort()}/hook"), "test_finished");
        await RegisterAsync(http, receiver.Url("fine"), "test_finished");

        await TestJobTests.EnqueueAsync(http, """{"directory":"wporg","slug":"akismet"}""");
        time.Advance(TimeSpan.FromSeconds(3));
        await emu.WhenIdleAsync(T.Ct);

        Assert.Equal(1, emu.Stats.WebhooksDelivered);
        Assert.Equal(2, emu.Stats.WebhookDeliveryFailures);
        using var still = await http.PtGet("user");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_fails_after_the_webhook_timeout_on_the_emulator_clock()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time, 0, 0, o => o.WebhookTimeout = TimeSpan.FromSeconds(10));
        await using var receiver = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        receiver.Hang("slow");
        await RegisterAsync(http, receiver.Url("slow"), null);

        await TestJobTests.EnqueueAsync(http, """{"directory":"demo","slug":"demo-private-plugin"}""");
        await receiver.NextAsync(); // the POST arrived and is waiting for an answer
        Assert.Equal(0, emu.Stats.WebhookDeliveryFailures);
        time.Advance(TimeSpan.FromSeconds(10));
        await emu.WhenIdleAsync(T.Ct);
        Assert.Equal(1, emu.Stats.WebhookDeliveryFailures);
        Assert.Equal(0, emu.Stats.WebhooksDelivered);
    }

    [Fact]
    public async Task Deliveries_in_flight_end_when_the_emulator_stops()
    {
        var emu = await TestJobTests.StartAsync(new FakeTimeProvider(Start), 0, 0);
        await using var receiver = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        receiver.Hang("slow");
        await RegisterAsync(http, receiver.Url("slow"), "test_finished");
        await TestJobTests.EnqueueAsync(http, """{"directory":"demo","slug":"demo-private-plugin"}""");
        await receiver.NextAsync();

        await emu.DisposeAsync(); // does not wait for the receiver
        Assert.True(emu.Stats.WebhookDeliveryFailures >= 1);
    }
}
