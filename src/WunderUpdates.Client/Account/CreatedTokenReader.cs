using System.Text.Json;

namespace WunderUpdates.Client;

/// <summary>
/// Finds a new token's value in the create-token answer, whose shape is not documented: as <c>"token": "..."</c>, or as
/// <c>token</c>/<c>value</c>/<c>key</c> inside <c>token</c>, <c>data</c> or the body itself.
/// </summary>
internal static class CreatedTokenReader
{
    public static string? FindValue(JsonElement response)
    {
        if (response.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (response.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String)
        {
            return token.GetString();
        }

        return FindIn(token) ?? (response.TryGetProperty("data", out var data) ? FindIn(data) : null) ?? FindIn(response);
    }

    private static string? FindIn(JsonElement holder)
    {
        if (holder.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in (ReadOnlySpan<string>)["token", "value", "key"])
            {
                if (holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }

        return null;
    }
}
