namespace PluginApis.Http;

/// <summary>Settings every PluginApis client shares: the API key, the base address, the body cap and the resilience settings.</summary>
public abstract class ApiClientOptions
{
    /// <summary>The largest <see cref="MaxResponseBodySize"/> accepted: 1 GiB.</summary>
    public const int MaxResponseBodySizeLimit = 1 << 30;

    /// <summary>
    /// The API key. Required; printable ASCII without spaces (anything else could inject a header or fail only when sent).
    /// Never logged, traced or shown in an exception, and sent only to the origin of <see cref="BaseAddress"/>.
    /// </summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>
    /// The service's base address: an absolute http(s) URI without user info, query or fragment. Each client sets its
    /// service's default.
    /// </summary>
    public abstract Uri BaseAddress { get; set; }

    /// <summary>
    /// The largest response body read into memory, in bytes (streamed lists are not capped). A larger body fails the call
    /// with <see cref="InvalidResponseException"/> and is not retried; compressed bodies count decompressed. Default 32 MiB.
    /// </summary>
    public int MaxResponseBodySize { get; set; } = 32 * 1024 * 1024;

    /// <summary>Retries, rate-limit waits and timeouts.</summary>
    public ApiResilienceOptions Resilience { get; set; } = new();

    /// <summary>Checks the settings and returns every problem found, in words a caller can act on (empty when valid).</summary>
    /// <returns>The problems, each naming the setting.</returns>
    /// <remarks>Never throws: problems are returned, not thrown (see <see cref="EnsureValid"/>).</remarks>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var name = GetType().Name;
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add($"{name}.ApiKey is missing: set the API key (configuration key 'ApiKey').");
        }
        else if (ApiKey.Any(c => c is < '!' or > '~'))
        {
            errors.Add($"{name}.ApiKey contains a character that is not printable ASCII (a space, line break, control or non-ASCII character); check for a stray newline when reading it.");
        }

        if (BaseAddress is null)
        {
            errors.Add($"{name}.BaseAddress is missing.");
        }
        else if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{name}.BaseAddress must be an absolute http(s) URI (was '{BaseAddress.OriginalString}').");
        }
        else if (BaseAddress.UserInfo.Length > 0 || BaseAddress.Query.Length > 0 || BaseAddress.Fragment.Length > 0)
        {
            errors.Add($"{name}.BaseAddress must not hold user info, a query or a fragment (was '{BaseAddress.GetLeftPart(UriPartial.Scheme)}{BaseAddress.Host}…'): they would be dropped or shown.");
        }

        if (MaxResponseBodySize is < 1024 or > MaxResponseBodySizeLimit)
        {
            errors.Add($"{name}.MaxResponseBodySize must be between 1 KiB and 1 GiB (was {MaxResponseBodySize}).");
        }

        if (Resilience is null)
        {
            errors.Add($"{name}.Resilience must not be null.");
        }
        else
        {
            errors.AddRange(Resilience.Validate().Select(e => $"{name}.{e}"));
        }

        return errors;
    }

    /// <summary>Throws when the settings are invalid.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names every one.</exception>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), GetType().Name);
        }
    }
}
