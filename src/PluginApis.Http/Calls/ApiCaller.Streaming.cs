using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PluginApis.Http;

internal sealed partial class ApiCaller
{
    /// <summary>
    /// Runs the call and streams the elements of its top-level JSON array as they arrive, never buffering the body. Every
    /// read must make progress within the attempt timeout; the caller's token and the client's disposal stop the stream.
    /// </summary>
    public async IAsyncEnumerable<T> StreamAsync<TArgs, T>(
        ApiOperation operation, TArgs args, ApiSend<TArgs> send, JsonTypeInfo<T> typeInfo, CancellationToken lifetime, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Each enumeration is a call of its own.
        var call = ApiCall.Start(operation);
        using var ending = new CallScope(call);
        using var response = await ExecuteAsync(call, args, send, cancellationToken).ConfigureAwait(false);
        var raw = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var stream = new IdleTimeoutStream(BoundedBody.Decoded(raw, response.Content.Headers), Options.Resilience.AttemptTimeout, Time, cancellationToken, lifetime);
        await using (stream.ConfigureAwait(false))
        {
            var enumerator = JsonSerializer.DeserializeAsyncEnumerable(stream, typeInfo, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (enumerator.ConfigureAwait(false))
            {
                var count = 0L;
                while (true)
                {
                    bool hasNext;
                    try
                    {
                        hasNext = await enumerator.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (JsonException ex)
                    {
                        throw ApiErrors.InvalidBody(this, call, response, ex, $" after {count} element(s)");
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException or TimeoutException)
                    {
                        // Elements were already handed out, so the call cannot be retried here.
                        var what = $"{call.Operation.Service}.{call.Operation.Name}: {call.Operation.Method} {ApiErrors.Shown(this, call)}";
                        var text = $"{what} failed while streaming the response after {count} element(s): {Redactor.Text(ex.Message, call.Secrets)} Start the enumeration again to retry.";
                        throw ex is TimeoutException
                            ? new TimeoutException(text, ex)
                            : new HttpRequestException(HttpRequestError.ResponseEnded, text, ex, response.StatusCode);
                    }

                    if (!hasNext)
                    {
                        break;
                    }

                    if (enumerator.Current is { } item)
                    {
                        count++;
                        yield return item;
                    }
                }

                call.Activity?.SetTag("pluginapis.items", count);
            }
        }
    }

    // Ends the span and the call of a stream when the enumeration ends, however it ends.
    private readonly struct CallScope(ApiCall call) : IDisposable
    {
        public void Dispose()
        {
            CallTelemetry.End(call);
            call.End();
        }
    }
}
