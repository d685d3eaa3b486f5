using Microsoft.Extensions.Logging;

namespace PluginApis.Http;

/// <summary>The SDK's log messages (source-generated). Values are redacted before they get here.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Operation}: retry {Attempt} after {Delay} ({Reason})")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Operation}: 429 Too Many Requests, waiting {Delay} for the rate-limit window ({Source})")]
    public static partial void WaitingForReset(ILogger logger, string operation, TimeSpan delay, string source);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Operation}: known quota spent, holding the request back {Delay} until the window resets")]
    public static partial void Throttling(ILogger logger, string operation, TimeSpan delay);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Operation}: rate limit exhausted, the wait of {Delay} exceeds MaxRateLimitWait {MaxWait}; giving up")]
    public static partial void RateLimitExhausted(ILogger logger, string operation, TimeSpan delay, TimeSpan maxWait);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "{Operation}: {Method} {Uri} answered {Status} on attempt {Attempt}")]
    public static partial void AttemptCompleted(ILogger logger, string operation, string method, string uri, int status, int attempt);
}
