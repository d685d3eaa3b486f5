using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace PluginApis.Http;

/// <summary>
/// The span, metrics and debug log of a call, each attempt counted once. Everything shown goes through the
/// <see cref="Redactor"/>; nothing is built when nobody listens.
/// </summary>
internal sealed class CallTelemetry(ILogger logger, Redactor redactor)
{
    /// <summary>Starts the call's span when someone listens.</summary>
    public static void Start(ApiCall call)
    {
        if (!ApiTelemetry.ActivitySource.HasListeners())
        {
            return;
        }

        var activity = ApiTelemetry.ActivitySource.StartActivity(call.Operation.SpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("pluginapis.service", call.Operation.Service);
            activity.SetTag("pluginapis.operation", call.Operation.Name);
            activity.SetTag("http.request.method", call.Operation.Method);
        }

        call.Activity = activity;
    }

    /// <summary>Counts an attempt that got a response.</summary>
    public void Answered(ApiCall call, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (ApiTelemetry.Requests.Enabled)
        {
            // Guarded: the tags box the status code, wasted work when nobody collects the counter.
            ApiTelemetry.Requests.Add(1, call.Operation.Tag, new KeyValuePair<string, object?>("http.response.status_code", status));
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            ApiTelemetry.RateLimited.Add(1, call.Operation.Tag);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            var uri = redactor.Uri(call.RequestUri, call.Secrets)?.AbsoluteUri ?? string.Empty;
            Log.AttemptCompleted(logger, call.Operation.Name, call.Operation.Method, uri, status, call.Attempts);
        }
    }

    /// <summary>Counts an attempt that failed without a response.</summary>
    public static void Failed(ApiCall call, Exception exception)
    {
        if (ApiTelemetry.Requests.Enabled)
        {
            ApiTelemetry.Requests.Add(1, call.Operation.Tag, new KeyValuePair<string, object?>("error.type", exception.GetType().Name));
        }
    }

    /// <summary>Ends the call's span (a streamed success keeps it open until <see cref="End"/>).</summary>
    public void Stop(ApiCall call, HttpResponseMessage? response, Exception? error)
    {
        if (call.Activity is not { } activity)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("url.full", redactor.Uri(call.RequestUri, call.Secrets)?.AbsoluteUri);
            activity.SetTag("pluginapis.attempts", call.Attempts);
            activity.SetTag("pluginapis.ratelimit.remaining", call.RateLimit?.Remaining);
            if (call.RateLimitWait > TimeSpan.Zero)
            {
                activity.SetTag("pluginapis.ratelimit.wait_seconds", call.RateLimitWait.TotalSeconds);
            }

            if (response is not null)
            {
                activity.SetTag("http.response.status_code", (int)response.StatusCode);
            }
        }

        if (error is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", response is null ? error.GetType().FullName : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        if (error is not null || !call.Operation.IsStreamed)
        {
            End(call);
        }
    }

    /// <summary>Ends the span.</summary>
    public static void End(ApiCall call)
    {
        call.Activity?.Dispose();
        call.Activity = null;
    }
}
