using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace PluginApis.Emulator;

internal readonly record struct JsonBody<T>(T? Value, IResult? Error)
    where T : class;

/// <summary>Reads request bodies with a hard size limit (the body is streamed and abandoned as soon as it exceeds it).</summary>
internal static class RequestBody
{
    /// <summary>The body in a <see cref="MemoryStream"/>, or <see langword="null"/> when it is larger than <paramref name="limit"/>.</summary>
    public static Task<MemoryStream?> ReadLimitedAsync(HttpRequest request, long limit, CancellationToken cancellationToken) =>
        ReadLimitedAsync(request.Body, request.ContentLength, limit, cancellationToken);

    /// <summary>The stream's content in a <see cref="MemoryStream"/>, or <see langword="null"/> when it is larger than <paramref name="limit"/>.</summary>
    public static async Task<MemoryStream?> ReadLimitedAsync(Stream body, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        if (contentLength > limit)
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await buffer.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        return buffer;
    }

    public static async Task<JsonBody<T>> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, int limit, Service service)
        where T : class
    {
        using var body = await ReadLimitedAsync(context.Request, limit, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return new(null, Errors.For(service, StatusCodes.Status413PayloadTooLarge, "payload_too_large",
                $"The JSON body is larger than {limit} bytes."));
        }

        if (body.Length == 0)
        {
            return new(null, Errors.For(service, StatusCodes.Status400BadRequest, "validation_error", "A JSON body is required."));
        }

        try
        {
            var value = JsonSerializer.Deserialize(body.GetBuffer().AsSpan(0, (int)body.Length), typeInfo);
            return value is null
                ? new(null, Errors.For(service, StatusCodes.Status400BadRequest, "validation_error", "The JSON body must be an object."))
                : new(value, null);
        }
        catch (JsonException ex)
        {
            return new(null, Errors.For(service, StatusCodes.Status400BadRequest, "validation_error",
                $"The body is not valid JSON for this endpoint (path {ex.Path ?? "$"})."));
        }
    }
}
