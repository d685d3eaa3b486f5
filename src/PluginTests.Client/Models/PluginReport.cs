using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>One test report of a plugin. The response shape is not documented by the service; this is the project's guess, read tolerantly.</summary>
public sealed class PluginReport
{
    /// <summary>The report slug, used by <see cref="IPluginTestsClient.GetReportAsync"/>.</summary>
    public string? Slug { get; init; }

    /// <summary>The plugin version that was tested.</summary>
    public string? PluginVersion { get; init; }

    /// <summary>The outcome as the service sends it: <c>passed</c>, <c>failed</c> or a value this SDK does not know yet (typed by <see cref="Passed"/>).</summary>
    public string? Status { get; init; }

    /// <summary>True for <c>passed</c>, false for <c>failed</c> (any case), null for any other or missing <see cref="Status"/>.</summary>
    [JsonIgnore]
    public bool? Passed =>
        string.Equals(Status, "passed", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>When the test ran.</summary>
    public DateTimeOffset? TestedAt { get; init; }

    /// <summary>The WordPress version of the test environment (a number such as <c>6.8</c> is kept as its text).</summary>
    [JsonPropertyName("wordpressVersion")]
    public string? WordPressVersion { get; init; }

    /// <summary>The PHP version of the test environment (a number such as <c>8.3</c> is kept as its text).</summary>
    public string? PhpVersion { get; init; }

    /// <summary>Errors, warnings and notices recorded during the test; empty when there were none.</summary>
    public IReadOnlyList<ReportError> Errors
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>The report's public page.</summary>
    public Uri? Url { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
