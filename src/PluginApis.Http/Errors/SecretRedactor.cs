namespace PluginApis.Http;

/// <summary>
/// Removes secrets from text and URIs before they reach an exception, a log line or a trace:
/// the API key wherever it appears, and the values of the <c>apiKey</c>, <c>key</c>, <c>token</c> and <c>x-api-key</c> query parameters.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "REDACTED";

    /// <summary>The shortest per-call secret <see cref="MaskValues"/> masks.</summary>
    public const int MinMaskedLength = 6;

    private static readonly string[] SecretQueryNames = ["apikey", "key", "token", "x-api-key", "api_key", "license"];
    private readonly string[] _secrets;

    /// <summary>Creates a redactor for the given secrets (null or empty values are ignored).</summary>
    /// <param name="secrets">Values that must never be shown, such as the API key.</param>
    public SecretRedactor(params string?[] secrets)
    {
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Returns the text with every secret replaced by <see cref="Mask"/> (also in URL-escaped form).</summary>
    /// <param name="text">Any text, possibly null.</param>
    public string? Redact(string? text) => MaskCore(text, _secrets, minLength: 1);

    /// <summary>
    /// Returns the text with each of <paramref name="secrets"/> replaced by <see cref="Mask"/>, also in URL-escaped form
    /// (for values of one call that must never be shown, such as a licence key in a path).
    /// </summary>
    /// <param name="text">Any text, possibly null.</param>
    /// <param name="secrets">The values to mask; values shorter than <see cref="MinMaskedLength"/> are ignored (masking them would garble the text without protecting anything).</param>
    public static string? MaskValues(string? text, IReadOnlyList<string>? secrets) => MaskCore(text, secrets, MinMaskedLength);

    private static string? MaskCore(string? text, IReadOnlyList<string>? secrets, int minLength)
    {
        if (string.IsNullOrEmpty(text) || secrets is null)
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (secret is null || secret.Length < minLength)
            {
                continue;
            }

            text = text.Replace(secret, Mask, StringComparison.Ordinal);
            var escaped = Uri.EscapeDataString(secret);
            if (!string.Equals(escaped, secret, StringComparison.Ordinal))
            {
                text = text.Replace(escaped, Mask, StringComparison.OrdinalIgnoreCase);
            }

            var segment = ApiUri.EscapeSegment(secret);
            if (!string.Equals(segment, escaped, StringComparison.Ordinal))
            {
                text = text.Replace(segment, Mask, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    /// <summary>Returns the URI with secret query values masked and every known secret removed.</summary>
    /// <param name="uri">Any URI, possibly null.</param>
    public Uri? Redact(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        var text = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
        var redacted = Redact(RedactQuery(text))!;
        return ApiUri.Create(redacted, uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
    }

    /// <summary>Masks the values of secret-bearing query parameters (<c>apiKey</c>, <c>key</c>, <c>token</c>, ...).</summary>
    /// <param name="uriText">A URI as text.</param>
    public static string RedactQuery(string uriText)
    {
        ArgumentNullException.ThrowIfNull(uriText);
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
            var name = Uri.UnescapeDataString(eq < 0 ? parts[i] : parts[i][..eq]);
            if (Array.IndexOf(SecretQueryNames, name.ToLowerInvariant()) >= 0)
            {
                parts[i] = (eq < 0 ? parts[i] : parts[i][..eq]) + "=" + Mask;
            }
        }

        return uriText[..(q + 1)] + string.Join('&', parts) + (hash < 0 ? string.Empty : uriText[hash..]);
    }
}
