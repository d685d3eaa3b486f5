using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PluginApis.Testing;
using Polly;

namespace PluginApis.Http.Tests;

/// <summary>
/// The quota throttle alone: a pipeline of this one strategy over a scripted store and a parking clock, so each path
/// (a slot at once, a wait, asking again, a wait over the cap, cancellation, an attempt or a store that completes later)
/// is seen without the retry and timeouts around it.
/// </summary>
public class QuotaThrottleStrategyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_free_slot_runs_the_attempt_once_and_tells_the_store_what_it_announced()
    {
        var run = new Run();
        run.Store.Grants.Enqueue(() => new ValueTask<QuotaGrant>(QuotaGrant.Now));

        var outcome = await run.ExecuteAsync(() => new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK)), Ct);

        Assert.Equal(HttpStatusCode.OK, outcome.Result!.StatusCode);
        Assert.Equal(1, run.Attempts);
        var (grant, observation) = Assert.Single(run.Store.Recorded);
        Assert.Equal(QuotaGrant.Now, grant);
        Assert.Same(run.Announced, observation.RateLimit);
        Assert.False(observation.RateLimited);
        Assert.Empty(run.Time.Pending);
        Assert.Equal(TimeSpan.Zero, run.Call.RateLimitWait);
    }

    [Fact]
    public async Task An_attempt_that_answers_later_is_told_to_the_store_only_once_it_has_answered()
    {
        var run = new Run();
        run.Store.Grants.Enqueue(() => new ValueTask<QuotaGrant>(QuotaGrant.Now));
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);

        var pending = run.ExecuteAsync(() => new ValueTask<HttpResponseMessage>(answer.Task), Ct);
        Assert.Empty(run.Store.Recorded);
        answer.SetResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests));
        var outcome = await pending;

        Assert.Equal(HttpStatusCode.TooManyRequests, outcome.Result!.StatusCode);
        Assert.True(Assert.Single(run.Store.Recorded).Observation.RateLimited);
    }

    [Fact]
    public async Task A_store_that_answers_later_is_awaited_before_the_attempt()
    {
        var run = new Run();
        var slot = new TaskCompletionSource<QuotaGrant>(TaskCreationOptions.RunContinuationsAsynchronously);
        run.Store.Grants.Enqueue(() => new ValueTask<QuotaGrant>(slot.Task));

        var pending = run.ExecuteAsync(() => new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK)), Ct);
        Assert.Equal(0, run.Attempts);
        slot.SetResult(QuotaGrant.Now);
        await pending;

        Assert.Equal(1, run.Attempts);
        Assert.Single(run.Store.Recorded);
    }

    [Fact]
    public async Task A_granted_delay_is_waited_on_the_clock_before_the_attempt()
    {
        var run = new Run();
        run.Store.Grants.Enqueue(() => new ValueTask<QuotaGrant>(QuotaGrant.After(TimeSpan.FromSeconds(5), ticket: 7)));

        var pending = run.ExecuteAsync(() => new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK)), Ct);
        Assert.Equal(TimeSpan.FromSeconds(5), await run.Time.ParkedAsync(pending));
        Assert.Equal(0, run.Attempts);

        Assert.Equal([TimeSpan.FromSeconds(5)], await run.Time.RunAsync(pending));
        await pending;
        Assert.Equal(1, run.Attempts);
        Assert.Equal(7, Assert.Single(run.Store.Recorded).Grant.Ticket);
        Assert.Equal(TimeSpan.FromSeconds(5), run.Call.RateLimitWait);
    }

    [Fact]
    public async Task A_grant_without_a_slot_waits_then_asks_the_store_again()
    {
        var run = new Run();
        run.Store.Grants.Enqueue(() => new ValueTask<QuotaGrant>(QuotaGrant.AskAgainAfter(TimeSpan.FromSeconds(2))));
        run.Store.Grants.Enqueue(() => new ValueTask<QuotaGrant>(QuotaGrant.Now));

        var pending = run.ExecuteAsync(() => new ValueTask<HttpResponseMessage>(new HttpResponseMessage(HttpStatusCode.OK)), Ct);

        Assert.Equal([TimeSpan.FromSeconds(2)], await run.Time.RunAsync(pending));
        await pending;
        Assert.Equal(2, run.Store.Acquired);
        Assert.Equal(1, run.Attempts);
        Assert.Empty(run.Store.Released);
    }

    [Fact]
    public async Task A_delay_over_the_cap_fails_at_once_without_the_attempt_and_gives_the_slot_back()
    {
        var run = new Run(maxWait: TimeSpan.FromSeconds(60));
        run.Store.Grants.Enqueue(() => new ValueTask<QuotaGrant>(QuotaGrant.After(TimeSpan.FromSeconds(61), ticket: 3)));

        var outcome = await run.ExecuteAsync(() => throw new InvalidOperationException("The attempt must not run."), Ct);

        Assert.Equal(TimeSpan.FromSeconds(61), Assert.IsType<QuotaSpentException>(outcome.Exception).Wait);
        Assert.Equal(0, run.Attempts);
        Assert.Equal(3, Assert.Single(run.Store.Released).Ticket);
        Assert.Empty(run.Store.Recorded);
        Assert.Empty(run.Time.Pending);
    }

    [Fact]
    public async Task Cancellation_during_the_wait_ends_it_and_gives_the_slot_back()
    {
        var run = new Run();
        run.Store.Grants.Enqueue(() => new ValueTask<QuotaGrant>(QuotaGrant.After(TimeSpan.FromSeconds(5), ticket: 9)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var pending = run.ExecuteAsync(() => throw new InvalidOperationException("The attempt must not run."), cancel.Token);
        Assert.Equal(TimeSpan.FromSeconds(5), await run.Time.ParkedAsync(pending));
        await cancel.CancelAsync();
        var outcome = await pending;

        Assert.IsAssignableFrom<OperationCanceledException>(outcome.Exception);
        Assert.Equal(0, run.Attempts);
        Assert.Equal(9, Assert.Single(run.Store.Released).Ticket);
    }

    /// <summary>One call through a pipeline of the throttle alone.</summary>
    private sealed class Run
    {
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

        public Run(TimeSpan? maxWait = null)
        {
            var options = new TestOptions { ApiKey = TestClients.ApiKey };
            options.Resilience.TimeProvider = Time;
            options.Resilience.MaxRateLimitWait = maxWait ?? TimeSpan.FromSeconds(60);
            _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = Time }
                .AddStrategy(_ => new QuotaThrottleStrategy(Store, options.Resilience, NullLogger.Instance))
                .Build();
            Call = ApiCall.Start(TestClient.GetThingOp);
            Call.Caller = new ApiCaller(TestClients.Service, options);
        }

        public ParkingClock Time { get; } = new();

        public ScriptedStore Store { get; } = new();

        public ApiCall Call { get; }

        /// <summary>What the attempt "parsed" from its response, as the real attempt does.</summary>
        public RateLimitInfo Announced { get; } = RateLimitInfo.Parse([new("Ratelimit-Remaining", "4")], DateTimeOffset.UnixEpoch);

        public int Attempts { get; private set; }

        public async Task<Outcome<HttpResponseMessage>> ExecuteAsync(Func<ValueTask<HttpResponseMessage>> attempt, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(ApiCall.Key, Call);
            try
            {
                return await _pipeline.ExecuteOutcomeAsync(
                    async (_, run) =>
                    {
                        run.Attempts++;
                        var response = await attempt();
                        run.Call.RateLimit = run.Announced;
                        return Outcome.FromResult(response);
                    },
                    context,
                    this);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
    }

    /// <summary>A quota store that grants from a script and records what it was told.</summary>
    private sealed class ScriptedStore : IQuotaStore
    {
        public Queue<Func<ValueTask<QuotaGrant>>> Grants { get; } = new();

        public int Acquired { get; private set; }

        public List<(QuotaGrant Grant, QuotaObservation Observation)> Recorded { get; } = [];

        public List<QuotaGrant> Released { get; } = [];

        public ValueTask<QuotaGrant> AcquireAsync(QuotaScope scope, TimeSpan maxWait, CancellationToken cancellationToken = default)
        {
            Acquired++;
            Assert.Equal(TestClient.GetThingOp.Name, scope.Operation);
            return Grants.Dequeue()();
        }

        public ValueTask RecordAsync(QuotaScope scope, QuotaGrant grant, QuotaObservation observation, CancellationToken cancellationToken = default)
        {
            Recorded.Add((grant, observation));
            return ValueTask.CompletedTask;
        }

        public ValueTask ReleaseAsync(QuotaScope scope, QuotaGrant grant, CancellationToken cancellationToken = default)
        {
            Released.Add(grant);
            return ValueTask.CompletedTask;
        }
    }
}
