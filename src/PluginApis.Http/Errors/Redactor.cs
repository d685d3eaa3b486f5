namespace PluginApis.Http;

/// <summary>
/// The one rule for everything the SDK shows (exception messages and bodies, log lines, span tags, metric tags, stored URIs):
/// the API key and the call's own secrets are masked in every encoding (<see cref="SecretMask"/>), and of a URI's query
/// only allow-listed parameters keep their values.
/// </summary>
internal sealed class Redactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "REDACTED";

    /// <summary>The shortest per-call secret masked: masking shorter values would garble the text without protecting anything.</summary>
    public const int MinSecretLength = 6;

    // Query parameters whose values are shown; every other value is masked.
    private static readonly HashSet<string> ShownQueryNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "page", "per_page", "limit", "offset", "channel", "status", "type", "version", "format",
    };

    private readonly string _apiKey;

    /// <summary>Creates the redactor of a client's API key.</summary>
    public Redactor(string apiKey) => _apiKey = apiKey;

    /// <summary>The text with the API key and <paramref name="secrets"/> masked.</summary>
    public string? Text(string? text, IReadOnlyList<string>? secrets = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = SecretMask.Apply(text, _apiKey, Mask);
        if (secrets is not null)
        {
            foreach (var secret in secrets)
            {
                if (secret is { Length: >= MinSecretLength })
                {
                    text = SecretMask.Apply(text, secret, Mask);
                }
            }
        }

        return text;
    }

    /// <summary>The URI with query values outside the allow-list masked, then the API key and <paramref name="secrets"/> masked.</summary>
    public Uri? Uri(Uri? uri, IReadOnlyList<string>? secrets = null)
    {
        if (uri is null)
        {
            return null;
        }

        var text = Text(Query(uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString), secrets)!;
        return new Uri(text, uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
    }

    /// <summary>Masks the values of query parameters that are not allow-listed.</summary>
    public static string Query(string uriText)
    {
        var q = uriText.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return uriText;
        }

        var hash = uriText.IndexOf('#', q);
        var query = hash < 0 ? uriText[(q + 1)..] : uriText[(q + 1)..hash];
        var parts = query.Split('&');
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? parts[i] : parts[i][..eq];
            if (eq >= 0 && !ShownQueryNames.Contains(System.Uri.UnescapeDataString(name)))
            {
                parts[i] = name + "=" + Mask;
            }
        }

        return uriText[..(q + 1)] + string.Join('&', parts) + (hash < 0 ? string.Empty : uriText[hash..]);
    }
}
