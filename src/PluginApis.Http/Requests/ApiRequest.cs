using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace PluginApis.Http;

/// <summary>
/// One SDK call before it becomes an <see cref="HttpRequestMessage"/>: method, relative path (segments already escaped with
/// <see cref="ApiUri.EscapeSegment"/>), query, and a body factory so that every attempt sends a fresh body.
/// </summary>
public sealed class ApiRequest
{
    private List<KeyValuePair<string, string>>? _query;

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the client's base address, segments escaped.</param>
    /// <param name="operationName">The SDK operation, e.g. <c>GetPlugin</c>.</param>
    public ApiRequest(HttpMethod method, string path, string operationName)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(operationName);
        Method = method;
        Path = path;
        OperationName = operationName;
        IsIdempotent = method != HttpMethod.Post && method != HttpMethod.Patch;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The escaped path relative to the base address.</summary>
    public string Path { get; }

    /// <summary>The SDK operation name.</summary>
    public string OperationName { get; }

    /// <summary>Query parameters (raw values; escaped when the URI is built).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => _query ?? (IReadOnlyList<KeyValuePair<string, string>>)[];

    /// <summary>True when re-sending after a transient fault cannot double a side effect. Defaults to true for all but POST and PATCH.</summary>
    public bool IsIdempotent { get; init; }

    /// <summary>True when the body can be rebuilt for another attempt. Default true.</summary>
    public bool IsReplayable { get; init; } = true;

    /// <summary>True for public endpoints that must be called without the API key.</summary>
    public bool Anonymous { get; init; }

    /// <summary>
    /// Values of this call that must never be shown besides the API key (e.g. a customer's licence key in the path or query):
    /// masked in exception messages, request URIs, response bodies, log lines and span tags.
    /// </summary>
    public IReadOnlyList<string>? Secrets { get; init; }

    /// <summary>Creates the body for one attempt; null for no body.</summary>
    public Func<HttpContent>? ContentFactory { get; init; }

    /// <summary>Adds a query parameter.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The raw value.</param>
    public ApiRequest WithQuery(string name, string value)
    {
        (_query ??= []).Add(new(name, value));
        return this;
    }

    /// <summary>A body factory that serialises <paramref name="value"/> as JSON with source-generated metadata.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">Source-generated JSON metadata.</param>
    public static Func<HttpContent> JsonBody<T>(T value, JsonTypeInfo<T> typeInfo) => () => JsonContent.Create(value, typeInfo);
}
