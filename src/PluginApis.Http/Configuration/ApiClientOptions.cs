namespace PluginApis.Http;

/// <summary>Settings every PluginApis client shares: the API key, the base address and the resilience settings.</summary>
public abstract class ApiClientOptions
{
    /// <summary>The API key. Required. Never logged, traced or shown in an exception.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The service's base address; must be an absolute http(s) URI. Each client sets its service's default.</summary>
    public abstract Uri BaseAddress { get; set; }

    /// <summary>Retries, rate-limit waits and timeouts.</summary>
    public ApiResilienceOptions Resilience { get; set; } = new();

    /// <summary>Checks the settings and returns every problem found, in words a caller can act on (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var name = GetType().Name;
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add($"{name}.ApiKey is missing: set the API key (configuration key 'ApiKey').");
        }

        if (BaseAddress is null)
        {
            errors.Add($"{name}.BaseAddress is missing.");
        }
        else if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{name}.BaseAddress must be an absolute http(s) URI (was '{BaseAddress.OriginalString}').");
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

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem when the settings are invalid.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), GetType().Name);
        }
    }
}
