using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PluginApis.Emulator.Tests;

/// <summary>Plain HttpClient helpers against a real loopback emulator.</summary>
internal static class T
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<EmulatorHost> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options);
        return EmulatorHost.StartAsync(options, Ct);
    }

    public static HttpClient Client(EmulatorHost emu) => new() { BaseAddress = emu.BaseAddress };

    /// <summary>Relative PluginTests URL with the apiKey query parameter.</summary>
    public static string Pt(string path, string? key = EmulatorKeys.PluginTestsDemo)
    {
        var url = "api/v1/" + path;
        return key is null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "apiKey=" + Uri.EscapeDataString(key);
    }

    public static Task<HttpResponseMessage> PtGet(this HttpClient http, string path, string? key = EmulatorKeys.PluginTestsDemo) =>
        http.GetAsync(Pt(path, key), Ct);

    public static Task<HttpResponseMessage> PtPost(this HttpClient http, string path, string json, string? key = EmulatorKeys.PluginTestsDemo) =>
        http.PostAsync(Pt(path, key), new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    public static Task<HttpResponseMessage> PtDelete(this HttpClient http, string path, string? key = EmulatorKeys.PluginTestsDemo) =>
        http.DeleteAsync(Pt(path, key), Ct);

    public static Task<HttpResponseMessage> Wu(
        this HttpClient http, HttpMethod method, string path, string? key = EmulatorKeys.WunderUpdatesDemo, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, "v1/" + path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        return http.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> WuGet(this HttpClient http, string path, string? key = EmulatorKeys.WunderUpdatesDemo) =>
        http.Wu(HttpMethod.Get, path, key);

    public static Task<HttpResponseMessage> WuJson(this HttpClient http, HttpMethod method, string path, string json, string? key = EmulatorKeys.WunderUpdatesDemo) =>
        http.Wu(method, path, key, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> WuUpload(this HttpClient http, string slug, byte[] zip, string? key = EmulatorKeys.WunderUpdatesDemo)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return http.Wu(HttpMethod.Post, $"plugins/{slug}/versions", key, content);
    }

    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> ExpectJson(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the documented PluginTests error body <c>{"error":{"message","code"}}</c>.</summary>
    public static async Task ExpectPtError(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var json = await response.ExpectJson(status);
        var error = json.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    /// <summary>Asserts the WunderUpdates error body <c>{"status":N,"message":"..."}</c>.</summary>
    public static async Task<string> ExpectWuError(this HttpResponseMessage response, HttpStatusCode status)
    {
        var json = await response.ExpectJson(status);
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        var message = json.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    public static string[] Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToArray();

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"Missing header {name}");

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    public static byte[] PluginZip(string slug, string version, string name = "Test Plugin") => Zip(
        ($"{slug}/{slug}.php", $"<?php\n/**\n * Plugin Name: {name}\n * Version: {version}\n * Description: A test plugin.\n */\n"),
        ($"{slug}/readme.txt", $"=== {name} ===\nRequires at least: 6.1\nTested up to: 6.9\nRequires PHP: 8.1\nStable tag: {version}\n\n== Description ==\nTest.\n"));

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
