namespace PluginApis.Http;

/// <summary>
/// Which quota a request draws on: the service, a hash of the API key (never the key itself), the operation (the services
/// give some endpoints limits of their own, so each operation keeps its own count) and the lane.
/// </summary>
/// <param name="Service">The service name, e.g. <c>PluginTests</c>.</param>
/// <param name="KeyId">A stable, non-reversible id of the API key (see <see cref="QuotaScope.HashKey"/>).</param>
/// <param name="Operation">The SDK operation, e.g. <c>GetPlugin</c>.</param>
/// <param name="Lane">Whether the call may use the whole quota or must leave a reserve.</param>
/// <remarks>Never throws: the constructor only stores the values.</remarks>
public readonly record struct QuotaScope(string Service, string KeyId, string Operation, QuotaLane Lane)
{
    /// <summary>The id <see cref="KeyId"/> holds for an API key: the first 16 bytes of its SHA-256, as lower-case hex.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <returns>32 hex characters; the same for the same key in every process.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="apiKey"/> is null.</exception>
    public static string HashKey(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
