using PluginApis.Http;
using StackExchange.Redis;

namespace PluginApis.Quota.Redis;

/// <summary>
/// The Redis keys of one scope: <c>{prefix}:{keyId}:{service}:ops</c> (operation → policy), <c>…:fleet</c> (processes seen
/// lately) and <c>…:p:{limit}:{windowMs}</c> (one bucket per policy). The braces make every key of one API key hash to the
/// same cluster slot. Only a hash of the API key appears: a key id that is not already the 32-hex-digit hash of
/// <see cref="QuotaScope.HashKey"/> is hashed again.
/// </summary>
internal sealed record QuotaKeys(RedisKey Operations, RedisKey Fleet, string BucketPrefix)
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    public RedisKey[] ForAcquire => [Operations, Fleet];

    public RedisKey[] ForOthers => [Operations];

    public static QuotaKeys For(string prefix, QuotaScope scope)
    {
        var keyId = IsHash(scope.KeyId) ? scope.KeyId : QuotaScope.HashKey(scope.KeyId ?? string.Empty);
        var root = $"{prefix}:{{{keyId}}}:{scope.Service}:";
        return new QuotaKeys(root + "ops", root + "fleet", root + "p:");
    }

    private static bool IsHash(string? keyId) =>
        keyId is { Length: 32 } && keyId.AsSpan().IndexOfAnyExcept(HexDigits) < 0;
}
