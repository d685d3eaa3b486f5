using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>
/// How a plugin is licensed: <see cref="StaticKeys"/>, <see cref="NoLicense"/> or <see cref="LemonSqueezy(long[])"/>.
/// Sent with <see cref="IWunderUpdatesClient.CreatePluginAsync"/> and <see cref="IWunderUpdatesClient.UpdateLicenseAsync"/>,
/// read back on every <see cref="HostedPlugin"/>.
/// </summary>
public sealed class License
{
    /// <summary>The most Lemon Squeezy products one licence may name.</summary>
    public const int MaxProducts = 100;

    [JsonConstructor]
    internal License(LicenseType type, IReadOnlyList<long>? products)
    {
        Type = type;
        Products = products ?? [];
    }

    /// <summary>Licence keys you manage on the service (<c>{"type":"static-keys"}</c>); see the licence-key methods of the client.</summary>
    public static License StaticKeys { get; } = new(LicenseType.StaticKeys, null);

    /// <summary>Free downloads, no licence checked (<c>{"type":"no-license"}</c>).</summary>
    public static License NoLicense { get; } = new(LicenseType.NoLicense, null);

    /// <summary>The licence type.</summary>
    [JsonPropertyName("type")]
    public LicenseType Type { get; }

    /// <summary>The Lemon Squeezy product ids whose licences unlock downloads; empty for the other types.</summary>
    [JsonPropertyName("products")]
    public IReadOnlyList<long> Products { get; }

    /// <summary>Fields the service sent that this SDK does not model (null for the shared static instances).</summary>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? ExtensionData { get; internal set; }

    /// <summary>Licences sold through Lemon Squeezy (<c>{"type":"lemonsqueezy","products":[12345]}</c>).</summary>
    /// <param name="productIds">The Lemon Squeezy product ids: at least one, at most <see cref="MaxProducts"/>, each positive.</param>
    /// <exception cref="ArgumentException">No id, more than <see cref="MaxProducts"/>, or an id that is not positive.</exception>
    public static License LemonSqueezy(params long[] productIds)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var license = new License(LicenseType.LemonSqueezy, [.. productIds]);
        license.EnsureValid(nameof(productIds));
        return license;
    }

    /// <summary>The type and, for Lemon Squeezy, the products, e.g. <c>lemonsqueezy [12345]</c>.</summary>
    /// <returns>The text.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() =>
        Products.Count == 0 ? Type.Value : $"{Type.Value} [{string.Join(", ", Products)}]";

    /// <summary>Checks the service's licence rules before a request is built; throws <see cref="ArgumentException"/>.</summary>
    internal void EnsureValid(string paramName)
    {
        if (!Type.IsKnown)
        {
            throw new ArgumentException(
                $"The licence type '{Type.Value}' is not one this SDK can send; use License.StaticKeys, License.NoLicense or License.LemonSqueezy(...).",
                paramName);
        }

        if (Type != LicenseType.LemonSqueezy)
        {
            if (Products.Count > 0)
            {
                throw new ArgumentException($"A '{Type.Value}' licence carries no products; only Lemon Squeezy licences name products.", paramName);
            }

            return;
        }

        if (Products.Count == 0)
        {
            throw new ArgumentException("A Lemon Squeezy licence needs at least one product id.", paramName);
        }

        if (Products.Count > MaxProducts)
        {
            throw new ArgumentException($"A Lemon Squeezy licence names at most {MaxProducts} products (got {Products.Count}).", paramName);
        }

        foreach (var id in Products)
        {
            if (id <= 0)
            {
                throw new ArgumentException($"Lemon Squeezy product ids are positive integers (got {id}).", paramName);
            }
        }
    }
}
