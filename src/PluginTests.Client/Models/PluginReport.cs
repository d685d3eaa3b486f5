using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>One test report of a plugin. The response shape is not documented by the service; this is the project's guess.</summary>
public sealed class PluginReport
{
    private readonly IReadOnlyList<ReportError> _errors = [];

    /// <summary>The report slug, used by <see cref="IPluginTestsClient.GetReportAsync"/>.</summary>
    public string? Slug { get; init; }

    /// <summary>The plugin version that was tested.</summary>
    public string? PluginVersion { get; init; }

    /// <summary>The outcome as the service sends it: <c>passed</c>, <c>failed</c> or a value this SDK does not know yet.</summary>
    public string? Status { get; init; }

    /// <summary>True for <c>passed</c>, false for <c>failed</c>, null for any other or missing <see cref="Status"/>.</summary>
    [JsonIgnore]
    public bool? Passed => Status switch
    {
        "passed" => true,
        "failed" => false,
        _ => null,
    };

    /// <summary>When the test ran.</summary>
    public DateTimeOffset? TestedAt { get; init; }

    /// <summary>The WordPress version of the test environment.</summary>
    [JsonPropertyName("wordpressVersion")]
    public string? WordPressVersion { get; init; }

    /// <summary>The PHP version of the test environment.</summary>
    public string? PhpVersion { get; init; }

    /// <summary>Errors, warnings and notices recorded during the test.</summary>
    public IReadOnlyList<ReportError> Errors
    {
        get => _errors;
        init => _errors = value ?? [];
    }

    /// <summary>The report's public page.</summary>
    public Uri? Url { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}
