using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.PluginTestsApi;

/// <summary><c>/tablesWith10installs.json</c> and <c>/tablesWith500installs.json</c>: top-level arrays, streamed.</summary>
internal static class TablesListEndpoints
{
    public static void Map(RouteGroupBuilder api, EmulatorState state, EmulatorOptions options)
    {
        api.MapGet("/tablesWith10installs.json", (HttpContext context) => WriteTablesAsync(context, state, options, 10));
        api.MapGet("/tablesWith500installs.json", (HttpContext context) => WriteTablesAsync(context, state, options, 500));
    }

    /// <summary>Streams the top-level array entry by entry: the body is never built as one string.</summary>
    private static async Task WriteTablesAsync(HttpContext context, EmulatorState state, EmulatorOptions options, long minInstalls)
    {
        List<(string Table, string Plugin, string Directory, long Installs)> seeded;
        lock (state.Gate)
        {
            seeded = state.PluginTests.Plugins.Values
                .Where(p => p.OwnerId is null && p.ActiveInstalls >= minInstalls)
                .OrderByDescending(p => p.ActiveInstalls).ThenBy(p => p.Slug, StringComparer.Ordinal)
                .SelectMany(p => p.Tables.Select(t => (t.Name, p.Slug, p.Directory, p.ActiveInstalls)))
                .ToList();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        var pipe = context.Response.BodyWriter;
        var cancellationToken = context.RequestAborted;
        await using var writer = new Utf8JsonWriter(pipe, EmulatorJson.WriterOptions);
        writer.WriteStartArray();
        foreach (var entry in seeded)
        {
            WriteEntry(writer, entry.Table, entry.Plugin, entry.Directory, entry.Installs);
        }

        for (var i = 0; i < options.GeneratedTableCount; i++)
        {
            // Even entries have >= 500 installs (in both lists), odd ones 10..499 (only in the 10-installs list).
            long installs = i % 2 == 0 ? 500 + (i * 7L % 1_000_000) : 10 + (i % 490);
            if (installs < minInstalls)
            {
                continue;
            }

            var number = i.ToString("D7", CultureInfo.InvariantCulture);
            WriteEntry(writer, $"wp_generated_{number}_data", $"generated-plugin-{number}", PluginTestsState.WordPressOrg, installs);
            if (writer.BytesPending > 32 * 1024)
            {
                writer.Flush();
                await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteEntry(Utf8JsonWriter writer, string table, string plugin, string directory, long installs)
    {
        writer.WriteStartObject();
        writer.WriteString("name", table);
        writer.WriteString("plugin", plugin);
        writer.WriteString("directory", directory);
        writer.WriteNumber("activeInstalls", installs);
        writer.WriteEndObject();
    }
}
