using System.Net;
using System.Net.Http;
using PluginApis.Http;
using WunderUpdates.Client;

namespace PluginApis.Cli;

/// <summary>What a failed run ends with: exit code, kind (for <c>--json</c>) and a one-line message.</summary>
internal sealed record CliError(int ExitCode, string Kind, string Message)
{
    /// <summary>Maps an exception to the documented exit codes. Messages of SDK exceptions are already free of the API key.</summary>
    public static CliError From(Exception exception) => exception switch
    {
        CliException cli => new(cli.ExitCode, cli.Kind, cli.Message),
        InvalidPluginArchiveException archive => new(ExitCodes.InvalidArchive, ErrorKinds.InvalidArchive, archive.Message),
        RateLimitExceededException limited => new(ExitCodes.RateLimited, ErrorKinds.RateLimited,
            limited.RetryAfter is { } wait ? $"{limited.Message} Try again in {Math.Ceiling(wait.TotalSeconds)} s." : limited.Message),
        ApiException api => FromStatus(api),
        TimeoutException timeout => new(ExitCodes.Timeout, ErrorKinds.Timeout, timeout.Message),
        OperationCanceledException => new(ExitCodes.Cancelled, ErrorKinds.Cancelled, "Cancelled."),
        FileNotFoundException missing => new(ExitCodes.Usage, ErrorKinds.Usage, $"File not found: {missing.FileName ?? missing.Message}"),
        DirectoryNotFoundException directory => new(ExitCodes.Usage, ErrorKinds.Usage, directory.Message),
        UnauthorizedAccessException denied => new(ExitCodes.Usage, ErrorKinds.Usage, denied.Message),
        ArgumentException argument => new(ExitCodes.Usage, ErrorKinds.Usage, argument.Message),
        HttpRequestException network => new(ExitCodes.Other, ErrorKinds.Other, $"The service could not be reached: {network.Message}"),
        _ => new(ExitCodes.Other, ErrorKinds.Other, $"{exception.GetType().Name}: {exception.Message}"),
    };

    private static CliError FromStatus(ApiException api) => api.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(ExitCodes.Auth, ErrorKinds.Auth, api.Message),
        HttpStatusCode.NotFound => new(ExitCodes.NotFound, ErrorKinds.NotFound, api.Message),
        HttpStatusCode.TooManyRequests => new(ExitCodes.RateLimited, ErrorKinds.RateLimited, api.Message),
        _ => new(ExitCodes.Other, ErrorKinds.Other, api.Message),
    };

    /// <summary>The message on one line with every given secret replaced (a second guard: SDK messages never hold the key).</summary>
    public string SafeMessage(IEnumerable<string> secrets)
    {
        var text = Message.ReplaceLineEndings(" ").Trim();
        foreach (var secret in secrets)
        {
            if (secret.Length >= 4)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
