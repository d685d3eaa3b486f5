namespace PluginApis.Http;

/// <summary>A service's error code and message as read from an error body.</summary>
/// <param name="Code">The machine-readable code, if any.</param>
/// <param name="Message">The human-readable message, if any.</param>
internal readonly record struct ApiErrorInfo(string? Code, string? Message);

/// <summary>
/// What differs between the services on the shared connection: the name, where the API key goes, how an error body
/// is read and which exception type a failure becomes.
/// </summary>
internal sealed class ApiServiceDefinition
{
    /// <summary>The service name used in span names, e.g. <c>PluginTests</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Where the service expects the API key.</summary>
    public required ApiKeyPlacement KeyPlacement { get; init; }

    /// <summary>Reads code and message from an error body (which may be null, HTML or truncated); must not throw.</summary>
    public required Func<string?, ApiErrorInfo> ParseError { get; init; }

    /// <summary>Creates the service's exception for a non-success response other than 429.</summary>
    public required Func<string, ApiErrorResponse, ApiErrorInfo, ApiException> CreateException { get; init; }
}
