using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator;

/// <summary><c>POST /v1/plugins/{slug}/versions</c>: the raw ZIP body, streamed with a size limit, checked, inspected, stored.</summary>
internal static class VersionUpload
{
    public static async Task<IResult> HandleAsync(HttpContext context, string slug, EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        var account = EmulatorApp.WuAccount(context);
        lock (state.Gate)
        {
            if (!account.Plugins.ContainsKey(slug))
            {
                return WunderUpdatesEndpoints.PluginNotFound(slug);
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

        var structureError = CheckStructure(body, slug, options);
        if (structureError is not null)
        {
            return structureError;
        }

        body.Position = 0;
        return Errors.Wu(StatusCodes.Status501NotImplemented, "Inspection pending.");
    }

    /// <summary>Cheap checks on the central directory before anything is decompressed.</summary>
    private static IResult? CheckStructure(MemoryStream body, string slug, EmulatorOptions options)
    {
        try
        {
            using var zip = new ZipArchive(body, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > options.MaxArchiveEntries)
            {
                return Errors.Wu(StatusCodes.Status413PayloadTooLarge,
                    $"The ZIP has {zip.Entries.Count} entries; at most {options.MaxArchiveEntries} are allowed.");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal) ||
                    name.Split('/').Any(part => part == ".."))
                {
                    return Errors.WuBadRequest($"The ZIP contains an unsafe entry path: {entry.FullName}");
                }

                total += entry.Length;
                if (entry.Length < 0 || total > options.MaxUncompressedBytes)
                {
                    return Errors.Wu(StatusCodes.Status413PayloadTooLarge,
                        $"The ZIP would expand to more than {options.MaxUncompressedBytes} bytes.");
                }

                var top = name.Split('/', 2)[0];
                if (!string.Equals(top, slug, StringComparison.Ordinal))
                {
                    return Errors.WuBadRequest($"Every entry must be inside the folder {slug}/ (found {entry.FullName}).");
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return Errors.WuBadRequest("The body is not a valid ZIP archive.");
        }
    }
}
