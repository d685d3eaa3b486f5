using System.Text.Json.Serialization;

namespace WunderUpdates.Client.Serialization;

// Request bodies, kept apart from the response models so that what is sent is exactly what the service documents.

internal sealed record LicenseBody(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("products"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long[]? Products)
{
    public static LicenseBody From(License license) =>
        new(license.Type.Value, license.Type == LicenseType.LemonSqueezy ? [.. license.Products] : null);
}

internal sealed record CreatePluginBody(
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("license")] LicenseBody License);

internal sealed record UpdateLicenseBody(
    [property: JsonPropertyName("license")] LicenseBody License);

internal sealed record ActivateLicenseBody(
    [property: JsonPropertyName("license")] string License);

internal sealed record CreateTokenBody(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("expires")] int Expires);

internal sealed record ReplaceLicenseKeysBody(
    [property: JsonPropertyName("keys")] IReadOnlyList<LicenseKey> Keys);
