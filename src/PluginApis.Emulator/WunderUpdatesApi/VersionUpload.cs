using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using PluginApis.Emulator.State;
using WunderUpdates.Client;

namespace PluginApis.Emulator.WunderUpdatesApi;

/// <summary>
/// <c>POST /v1/plugins/{slug}/versions</c>: the raw ZIP body is streamed into memory up to
/// <see cref="EmulatorOptions.MaxUploadBytes"/>, inspected with the client library's <see cref="PluginArchive.Inspect(Stream, PluginArchiveLimits)"/>
/// (entry-count and declared-uncompressed-size limits, unsafe paths, one plugin folder, main file, version) and stored as
/// <c>{slug}-{version}.zip</c>; the same version replaces the stored one.
/// </summary>
internal static partial class VersionUpload
{
    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$")]
    private static partial Regex StorableVersion();

    public static async Task<IResult> HandleAsync(HttpContext context, string slug, EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        var account = EmulatorApp.WuAccount(context);
        lock (state.Gate)
        {
            if (!account.Plugins.ContainsKey(slug))
            {
                return WuResults.PluginNotFound(slug);
            }
        }

        using var body = await RequestBody.ReadLimitedAsync(context.Request, options.MaxUploadBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Errors.Wu(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than {options.MaxUploadBytes} bytes.");
        }

        if (body.Length == 0)
        {
            return Errors.WuBadRequest("The request body must be the plugin ZIP file.");
        }

        PluginArchiveInfo info;
        try
        {
            info = PluginArchive.Inspect(body, new PluginArchiveLimits
            {
                MaxArchiveBytes = options.MaxUploadBytes,
                MaxEntries = options.MaxArchiveEntries,
                MaxTotalUncompressedBytes = options.MaxUncompressedBytes,
            });
            info.EnsureSlug(slug);
        }
        catch (InvalidPluginArchiveException ex)
        {
            var status = ex.Reason == InvalidPluginArchiveReason.LimitExceeded
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest;
            return Errors.Wu(status, $"Invalid plugin ZIP ({ex.Reason}): {ex.Message}");
        }

        if (!StorableVersion().IsMatch(info.Version))
        {
            return Errors.WuBadRequest("The plugin's version may only contain letters, digits, '.', '+', '_' and '-' (at most 64 characters).");
        }

        var readme = info.Readme;
        var now = options.TimeProvider.GetUtcNow();
        var version = new WuVersion(
            info.Version,
            $"{slug}-{info.Version}.zip",
            body.ToArray(),
            string.IsNullOrEmpty(info.PluginName) ? slug : info.PluginName,
            readme?.RequiresAtLeast ?? info.PluginHeaders.GetValueOrDefault("Requires at least"),
            readme?.TestedUpTo,
            readme?.RequiresPhp ?? info.PluginHeaders.GetValueOrDefault("Requires PHP"),
            info.PluginHeaders.GetValueOrDefault("Description") ?? string.Empty,
            Changelog(body, info, now),
            now);

        lock (state.Gate)
        {
            // The plugin may have been deleted while the body was read.
            if (!account.Plugins.TryGetValue(slug, out var plugin))
            {
                return WuResults.PluginNotFound(slug);
            }

            plugin.Versions[version.Version] = version;
            stats.VersionUploaded();
        }

        return WuResults.Message("Zip archive uploaded successfully.");
    }

    /// <summary>The readme's changelog section; without one, a generated entry (<c>= 1.2.0 =</c> / <c>* Uploaded {time}.</c>).</summary>
    private static string Changelog(MemoryStream zip, PluginArchiveInfo info, DateTimeOffset now)
    {
        try
        {
            var changelog = ReadmeChangelog.Find(zip.ToArray(), info.Slug);
            if (changelog is not null)
            {
                return changelog;
            }
        }
        catch (InvalidDataException)
        {
            // An unreadable readme entry: fall back like a missing one.
        }

        return $"= {info.Version} =\n* Uploaded {EmulatorState.Iso(now)}.";
    }
}
