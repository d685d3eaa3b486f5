using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PluginTests.Client.Tests;

/// <summary>
/// Every guessed scalar of the PluginTests models, by concept, as "Model.jsonName" → a reader that puts one JSON value into
/// an object of that model (through the SDK's own context) and returns the property.
/// </summary>
internal static class GuessedFields
{
    public static readonly IReadOnlyDictionary<string, Func<string, object?>> Text = new Dictionary<string, Func<string, object?>>
    {
        ["Plugin.directory"] = v => Read<Plugin>("directory", v).Directory,
        ["Plugin.slug"] = v => Read<Plugin>("slug", v).Slug,
        ["Plugin.name"] = v => Read<Plugin>("name", v).Name,
        ["Plugin.version"] = v => Read<Plugin>("version", v).Version,
        ["Plugin.latestReport"] = v => Read<Plugin>("latestReport", v).LatestReport,
        ["PluginReport.slug"] = v => Read<PluginReport>("slug", v).Slug,
        ["PluginReport.pluginVersion"] = v => Read<PluginReport>("pluginVersion", v).PluginVersion,
        ["PluginReport.status"] = v => Read<PluginReport>("status", v).Status,
        ["PluginReport.wordpressVersion"] = v => Read<PluginReport>("wordpressVersion", v).WordPressVersion,
        ["PluginReport.phpVersion"] = v => Read<PluginReport>("phpVersion", v).PhpVersion,
        ["ReportError.type"] = v => Read<ReportError>("type", v).Type,
        ["ReportError.message"] = v => Read<ReportError>("message", v).Message,
        ["ReportError.file"] = v => Read<ReportError>("file", v).File,
        ["PluginEntity.name"] = v => Read<PluginEntity>("name", v).Name,
        ["TableColumn.name"] = v => Read<TableColumn>("name", v).Name,
        ["TableColumn.type"] = v => Read<TableColumn>("type", v).Type,
        ["PluginTable.name"] = v => Read<PluginTable>("name", v).Name,
        ["PluginTable.plugin"] = v => Read<PluginTable>("plugin", v).Plugin,
        ["PluginTable.directory"] = v => Read<PluginTable>("directory", v).Directory,
        ["PluginTestsUser.id"] = v => Read<PluginTestsUser>("id", v).Id,
        ["PluginTestsUser.name"] = v => Read<PluginTestsUser>("name", v).Name,
        ["PluginTestsUser.email"] = v => Read<PluginTestsUser>("email", v).Email,
        ["PluginTestsUser.directory"] = v => Read<PluginTestsUser>("directory", v).Directory,
        ["Webhook.id"] = v => Read<Webhook>("id", v).Id,
        ["QueueJob.id"] = v => Read<QueueJob>("id", v).Id,
        ["QueueJob.directory"] = v => Read<QueueJob>("directory", v).Directory,
        ["QueueJob.slug"] = v => Read<QueueJob>("slug", v).Slug,
    };

    public static readonly IReadOnlyDictionary<string, Func<string, object?>> Counts = new Dictionary<string, Func<string, object?>>
    {
        ["Plugin.activeInstalls"] = v => Read<Plugin>("activeInstalls", v).ActiveInstalls,
        ["PluginTable.activeInstalls"] = v => Read<PluginTable>("activeInstalls", v).ActiveInstalls,
        ["QueueJob.priority"] = v => Read<QueueJob>("priority", v).Priority,
        ["ReportError.line"] = v => Read<ReportError>("line", v).Line,
    };

    public static readonly IReadOnlyDictionary<string, Func<string, object?>> Dates = new Dictionary<string, Func<string, object?>>
    {
        ["Plugin.testedAt"] = v => Read<Plugin>("testedAt", v).TestedAt,
        ["PluginReport.testedAt"] = v => Read<PluginReport>("testedAt", v).TestedAt,
        ["Webhook.createdAt"] = v => Read<Webhook>("createdAt", v).CreatedAt,
        ["QueueJob.queuedAt"] = v => Read<QueueJob>("queuedAt", v).QueuedAt,
    };

    public static readonly IReadOnlyDictionary<string, Func<string, object?>> Urls = new Dictionary<string, Func<string, object?>>
    {
        ["Plugin.url"] = v => Read<Plugin>("url", v).Url,
        ["PluginReport.url"] = v => Read<PluginReport>("url", v).Url,
        ["Webhook.url"] = v => Read<Webhook>("url", v).Url,
        ["QueueJob.downloadUrl"] = v => Read<QueueJob>("downloadUrl", v).DownloadUrl,
    };

    /// <summary>Each enumeration field, read as its wire text (null when the property is null).</summary>
    public static readonly IReadOnlyDictionary<string, Func<string, (string? Value, bool? IsKnown)>> Enumerations =
        new Dictionary<string, Func<string, (string?, bool?)>>
        {
            ["QueueJob.status"] = v => Read<QueueJob>("status", v).Status is { } s ? (s.Value, s.IsKnown) : (null, null),
            ["QueueJob.packageSource"] = v => Read<QueueJob>("packageSource", v).PackageSource is { } s ? (s.Value, s.IsKnown) : (null, null),
            ["Webhook.eventType"] = v => Read<Webhook>("eventType", v).EventType is { } s ? (s.Value, s.IsKnown) : (null, null),
        };

    /// <summary>Reads <c>{"name": value}</c> as <typeparamref name="T"/> with the SDK's own source-generated context.</summary>
    public static T Read<T>(string name, string value) => Read<T>($$"""{"{{name}}":{{value}}}""");

    /// <summary>Reads a JSON object as <typeparamref name="T"/> with the SDK's own source-generated context.</summary>
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)PluginTestsJsonContext.Default.GetTypeInfo(typeof(T))!)!;

    /// <summary>Every (field, value, expected) combination of a field set and a list of (value, expected) variants.</summary>
    public static TheoryData<string, string, T> Cross<T>(IEnumerable<string> fields, params (string Json, T Expected)[] variants)
    {
        var data = new TheoryData<string, string, T>();
        foreach (var field in fields)
        {
            foreach (var (json, expected) in variants)
            {
                data.Add(field, json, expected);
            }
        }

        return data;
    }

    /// <summary>Every (field, value) combination.</summary>
    public static TheoryData<string, string> Cross(IEnumerable<string> fields, params string[] values)
    {
        var data = new TheoryData<string, string>();
        foreach (var field in fields)
        {
            foreach (var value in values)
            {
                data.Add(field, value);
            }
        }

        return data;
    }
}
