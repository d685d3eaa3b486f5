namespace PluginTests.Client;

/// <summary>Maps the request enums to the service's strings and checks caller input before any request is made.</summary>
internal static class WireValues
{
    public static string ToWire(this EntityCollection value, string paramName) => value switch
    {
        EntityCollection.Tables => "tables",
        EntityCollection.Options => "options",
        _ => throw Undefined(value, paramName),
    };

    public static string ToWire(this WebhookEventType value, string paramName) => value switch
    {
        WebhookEventType.TestFinished => "test_finished",
        WebhookEventType.FirstTestFinished => "first_test_finished",
        _ => throw Undefined(value, paramName),
    };

    public static string ToWire(this PackageSource value, string paramName) => value switch
    {
        PackageSource.Stable => "stable",
        PackageSource.Direct => "direct",
        _ => throw Undefined(value, paramName),
    };

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

    private static ArgumentOutOfRangeException Undefined<T>(T value, string paramName)
        where T : struct, Enum =>
        new(paramName, value, $"{value} is not a defined {typeof(T).Name} value.");
}
