namespace PluginApis.Http;

/// <summary>One quota policy announced by the service, e.g. <c>200;w=3600</c>: 200 requests per hour.</summary>
/// <param name="Quota">Requests allowed in one window.</param>
/// <param name="Window">Length of the window.</param>
/// <remarks>Never throws: the constructor only stores the values.</remarks>
public sealed record RateLimitPolicy(int Quota, TimeSpan Window);
