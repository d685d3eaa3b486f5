using System.Net;
using System.Text;

namespace PluginTests.Client.Tests;

/// <summary>Builds canned responses.</summary>
internal static class Responses
{
    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers) =>
        Text(status, json, "application/json", headers);

    public static HttpResponseMessage Text(HttpStatusCode status, string body, string mediaType, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Empty(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public const string PluginJson = """
        {"directory":"wporg","slug":"akismet","name":"Akismet Anti-spam","version":"5.3.1","activeInstalls":6000000,
         "url":"https://wordpress.org/plugins/akismet/","latestReport":"5-3-1-2026-11-01","testedAt":"2026-11-01T10:00:00Z"}
        """;

    public const string ErrorNotFoundJson = """{"error":{"message":"Plugin not found.","code":"plugin_not_found"}}""";
}
