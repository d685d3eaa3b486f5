using System.Text.Json;

namespace WunderUpdates.Client;

/// <summary>
/// A new API token. <see cref="Value"/> is the secret the service shows only this once: store it now (a secret store,
/// not a log). The response shape is not documented; <see cref="Response"/> holds it whole.
/// </summary>
public sealed class CreatedApiToken
{
    /// <summary>The token's name.</summary>
    public required string Name { get; init; }

    /// <summary>The days until it expires as requested, or -1 for never.</summary>
    public required int ExpiresInDays { get; init; }

    /// <summary>The token value, when the response carried one where the SDK looks for it (<c>token</c>, <c>value</c> or <c>key</c>); otherwise null.</summary>
    public string? Value { get; init; }

    /// <summary>The whole response body as raw JSON (holds the secret too).</summary>
    public JsonElement Response { get; init; }

    /// <summary>The name only; never the secret value.</summary>
    /// <returns>The text.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() => $"API token '{Name}'";
}
