using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace PluginApis.Http;

/// <summary>
/// Runs a client's calls through the one pipeline and turns what comes back into models or typed exceptions. One per
/// client (per registration under dependency injection): it owns the pipeline, the quota store, the redactor and the
/// last rate-limit snapshot; the HttpClient and Refit client it sends through are the client's.
/// </summary>
internal sealed partial class ApiCaller
{
    private RateLimitInfo? _lastRateLimit;

    /// <summary>Creates the caller for validated <paramref name="options"/>.</summary>
    public ApiCaller(ApiServiceDefinition service, ApiClientOptions options)
    {
        Service = service;
        Options = options;
        var resilience = options.Resilience;
        Time = resilience.TimeProvider;
        Redactor = new Redactor(options.ApiKey);
        var logger = resilience.LoggerFactory?.CreateLogger("PluginApis.Http") ?? NullLogger.Instance;
        Telemetry = new CallTelemetry(logger, Redactor);
        Store = resilience.QuotaStore ?? new InProcessQuotaStore(Time);
        Pipeline = ApiPipeline.Build(resilience, Store, logger);
        KeyId = QuotaScope.HashKey(options.ApiKey);
        MaxResponseBodySize = options.MaxResponseBodySize;
    }

    public ApiServiceDefinition Service { get; }

    public ApiClientOptions Options { get; }

    public TimeProvider Time { get; }

    public Redactor Redactor { get; }

    public CallTelemetry Telemetry { get; }

    public IQuotaStore Store { get; }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public string KeyId { get; }

    public int MaxResponseBodySize { get; }

    /// <summary>The rate-limit headers of the most recent response that carried any.</summary>
    public RateLimitInfo? LastRateLimit => Volatile.Read(ref _lastRateLimit);

    /// <summary>Parses a response's rate-limit headers (once per response) and remembers them as the latest.</summary>
    public RateLimitInfo RecordRateLimit(HttpResponseMessage response)
    {
        var info = RateLimitInfo.Parse(response.Headers, Time.GetUtcNow());
        if (!info.IsEmpty)
        {
            Volatile.Write(ref _lastRateLimit, info);
        }

        return info;
    }

    /// <summary>Runs the call and reads its success body as <typeparamref name="T"/>; ends the call.</summary>
    public async Task<T> ReadAsync<TArgs, T>(ApiCall call, TArgs args, ApiSend<TArgs> send, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await ExecuteAsync(call, args, send, cancellationToken).ConfigureAwait(false);
            using var stream = response.Content.ReadAsStream(cancellationToken);
            try
            {
                return JsonSerializer.Deserialize(stream, typeInfo)
                    ?? throw new JsonException("The response body was JSON null where an object was expected.");
            }
            catch (JsonException ex)
            {
                throw ApiErrors.InvalidBody(this, call, response, ex);
            }
        }
        finally
        {
            call.End();
        }
    }

    /// <summary>Runs the call and ignores its success body; ends the call.</summary>
    public async Task SendAsync<TArgs>(ApiCall call, TArgs args, ApiSend<TArgs> send, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await ExecuteAsync(call, args, send, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            call.End();
        }
    }

    /// <summary>Runs the call and returns its success body as a <see cref="JsonDocument"/> (null when empty); ends the call.</summary>
    public async Task<JsonDocument?> ReadDocumentAsync<TArgs>(ApiCall call, TArgs args, ApiSend<TArgs> send, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await ExecuteAsync(call, args, send, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            {
                return null;
            }

            try
            {
                return JsonDocument.Parse(bytes);
            }
            catch (JsonException ex)
            {
                throw ApiErrors.InvalidBody(this, call, response, ex);
            }
        }
        finally
        {
            call.End();
        }
    }

    /// <summary>
    /// Runs every attempt of the call in the pipeline (the caller of this method ends the call). Returns the success response (its body read within the attempt,
    /// unless streamed); fails with the caller's exception for anything else. A pipeline that finished without waiting
    /// (an in-memory handler, a throttle that had a slot) is concluded here, without a second state machine.
    /// </summary>
    public ValueTask<HttpResponseMessage> ExecuteAsync<TArgs>(ApiCall call, TArgs args, ApiSend<TArgs> send, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromException<HttpResponseMessage>(new OperationCanceledException(cancellationToken));
        }

        call.Caller = this;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ApiCall.Key, call);
        var state = AttemptState<TArgs>.Rent(this, call, args, send);
        CallTelemetry.Start(call);
        var pending = Pipeline.ExecuteOutcomeAsync(static (ctx, attempt) => ApiAttempt.RunAsync(ctx, attempt), context, state);
        if (!pending.IsCompleted)
        {
            return ConcludeLaterAsync(pending, context, state);
        }

        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = pending.Result;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            state.Return();
        }

        try
        {
            return new ValueTask<HttpResponseMessage>(Conclude(call, outcome));
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<HttpResponseMessage>(ex);
        }
    }

    private async ValueTask<HttpResponseMessage> ConcludeLaterAsync<TArgs>(ValueTask<Outcome<HttpResponseMessage>> pending, ResilienceContext context, AttemptState<TArgs> state)
    {
        var call = state.Call;
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await pending.ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            state.Return();
        }

        return Conclude(call, outcome);
    }

    /// <summary>The success response of <paramref name="outcome"/>; throws the caller's exception for anything else.</summary>
    private HttpResponseMessage Conclude(ApiCall call, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            var error = ApiErrors.FromFailure(this, call, exception);
            Telemetry.Stop(call, null, error);
            if (ReferenceEquals(error, exception))
            {
                ExceptionDispatchInfo.Capture(exception).Throw();
            }

            throw error;
        }

        var response = outcome.Result!;
        if (response.IsSuccessStatusCode)
        {
            Telemetry.Stop(call, response, null);
            return response;
        }

        using (response)
        {
            var error = ApiErrors.FromResponse(this, call, response);
            Telemetry.Stop(call, response, error);
            throw error;
        }
    }
}
