namespace PluginTests.Client;

/// <summary>The body of POST /user/webhooks.</summary>
internal sealed record CreateWebhookBody(string Url, string? EventType);

/// <summary>The body of POST /test-queue.</summary>
internal sealed record EnqueueTestBody(string Directory, string Slug, int Priority, string PackageSource, string? DownloadUrl)
{
    /// <summary>Checks a request as the service would and builds its body.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is blank, out of range, or the download URL does not fit the package source.</exception>
    public static EnqueueTestBody From(EnqueueTestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Directory, "request.Directory");
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Slug, "request.Slug");
        if (request.Priority is < EnqueueTestRequest.MinPriority or > EnqueueTestRequest.MaxPriority)
        {
            throw new ArgumentOutOfRangeException("request.Priority", request.Priority, $"Priority must be between {EnqueueTestRequest.MinPriority} and {EnqueueTestRequest.MaxPriority}.");
        }

        var source = request.PackageSource.ToWire("request.PackageSource");
        if (request.PackageSource == Client.PackageSource.Direct)
        {
            if (request.DownloadUrl is null)
            {
                throw new ArgumentException("DownloadUrl is required when PackageSource is Direct.", "request.DownloadUrl");
            }

            WireValues.EnsureHttpUrl(request.DownloadUrl, "request.DownloadUrl");
        }
        else if (request.DownloadUrl is not null)
        {
            throw new ArgumentException("DownloadUrl is only allowed with PackageSource.Direct; the Stable source always tests the latest WordPress.org release.", "request.DownloadUrl");
        }

        return new EnqueueTestBody(request.Directory, request.Slug, request.Priority, source, request.DownloadUrl?.AbsoluteUri);
    }
}
