namespace PluginApis.Http;

/// <summary>
/// What is fixed about one endpoint of a service: its name (spans, metrics, logs and the quota scope), whether sending it
/// again after a transient fault is safe, and whether its body is streamed rather than read within the attempt.
/// One static instance per endpoint; the routes themselves live in the services' Refit interfaces.
/// </summary>
internal sealed class ApiOperation
{
    private ApiOperation(string service, string name, string method, bool idempotent, bool streamed)
    {
        Service = service;
        Name = name;
        Method = method;
        IsIdempotent = idempotent;
        IsStreamed = streamed;
        SpanName = service + "." + name;
        Tag = new KeyValuePair<string, object?>("operation", name);
    }

    /// <summary>The service, e.g. <c>PluginTests</c>.</summary>
    public string Service { get; }

    /// <summary>The SDK operation, e.g. <c>GetPlugin</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP method, for messages.</summary>
    public string Method { get; }

    /// <summary>True when re-sending after a transient fault cannot double a side effect.</summary>
    public bool IsIdempotent { get; }

    /// <summary>True when the success body is streamed to the caller instead of being read within the attempt.</summary>
    public bool IsStreamed { get; }

    /// <summary>The span name, e.g. <c>PluginTests.GetPlugin</c>.</summary>
    public string SpanName { get; }

    /// <summary>The metric tag naming the operation.</summary>
    public KeyValuePair<string, object?> Tag { get; }

    /// <summary>A GET: idempotent.</summary>
    public static ApiOperation Get(string service, string name, bool streamed = false) => new(service, name, "GET", idempotent: true, streamed);

    /// <summary>A PUT: idempotent.</summary>
    public static ApiOperation Put(string service, string name) => new(service, name, "PUT", idempotent: true, streamed: false);

    /// <summary>A DELETE: idempotent.</summary>
    public static ApiOperation Delete(string service, string name) => new(service, name, "DELETE", idempotent: true, streamed: false);

    /// <summary>A POST: not re-sent after a transient fault unless the service documents it as a replace (<paramref name="idempotent"/>).</summary>
    public static ApiOperation Post(string service, string name, bool idempotent = false) => new(service, name, "POST", idempotent, streamed: false);

    /// <summary>A raw call of any method: idempotent unless POST or PATCH.</summary>
    public static ApiOperation Raw(string service, HttpMethod method) =>
        new(service, "Raw", method.Method, idempotent: method != HttpMethod.Post && method != HttpMethod.Patch, streamed: false);
}
