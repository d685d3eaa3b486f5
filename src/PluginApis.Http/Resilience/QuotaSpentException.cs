namespace PluginApis.Http;

/// <summary>The throttle did not send an attempt: the known quota is spent for longer than the caller may wait. Becomes a <see cref="RateLimitExceededException"/>.</summary>
internal sealed class QuotaSpentException : Exception
{
    public QuotaSpentException(TimeSpan wait)
        : base($"the rate-limit quota is spent and resets in {wait.TotalSeconds:0.#} s") => Wait = wait;

    public QuotaSpentException()
    {
    }

    public QuotaSpentException(string message)
        : base(message)
    {
    }

    public QuotaSpentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long until the quota is available again.</summary>
    public TimeSpan Wait { get; }
}
