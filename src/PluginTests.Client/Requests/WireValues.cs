namespace PluginTests.Client;

/// <summary>Maps the request enums and enumeration values to the service's strings and checks caller input before any request is made.</summary>
internal static class WireValues
{
    public static string ToWire(this EntityCollection value, string paramName) => value switch
    {
        EntityCollection.Tables => "tables",
        EntityCollection.Options => "options",
        _ => throw Undefined(value, paramName),
    };

    /// <summary>The canonical wire value of a documented event type; any other value is refused (the service documents exactly two).</summary>
    public static string ToWire(this WebhookEventType value, string paramName) =>
        value == WebhookEventType.TestFinished ? WebhookEventType.TestFinished.Value
        : value == WebhookEventType.FirstTestFinished ? WebhookEventType.FirstTestFinished.Value
        : throw NotSendable(value.Value, "WebhookEventType.TestFinished or WebhookEventType.FirstTestFinished", paramName);

    /// <summary>The canonical wire value of a documented package source; any other value is refused (the service documents exactly two).</summary>
    public static string ToWire(this PackageSource value, string paramName) =>
        value == PackageSource.Stable ? PackageSource.Stable.Value
        : value == PackageSource.Direct ? PackageSource.Direct.Value
        : throw NotSendable(value.Value, "PackageSource.Stable or PackageSource.Direct", paramName);

    public static string ToWire(this ActiveInstalls value, string paramName) => value switch
    {
        ActiveInstalls.AtLeast10 => "10",
        ActiveInstalls.AtLeast500 => "500",
        _ => throw Undefined(value, paramName),
    };

    /// <summary>Throws unless <paramref name="url"/> is an absolute http or https URI.</summary>
    public static void EnsureHttpUrl(Uri? url, string paramName)
    {
        ArgumentNullException.ThrowIfNull(url, paramName);
        if (!IsHttpUrl(url))
        {
            throw new ArgumentException($"The URL must be an absolute http or https URL (was '{url.OriginalString}').", paramName);
        }
    }

    public static bool IsHttpUrl(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(url.Host);

    private static ArgumentOutOfRangeException NotSendable(string value, string use, string paramName) =>
        new(paramName, value, $"'{value}' is not a value the service documents; use {use}.");

    private static ArgumentOutOfRangeException Undefined<T>(T value, string paramName)
        where T : struct, Enum =>
        new(paramName, value, $"{value} is not a defined {typeof(T).Name} value.");
}
