namespace ReadmeSnippets;

/// <summary>The README's "handler of your own": counts the requests it passes on.</summary>
internal sealed class MyHandler : DelegatingHandler
{
    private static int s_requests;

    /// <summary>Requests passed on by every instance so far.</summary>
    public static int Requests => Volatile.Read(ref s_requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref s_requests);
        return base.SendAsync(request, cancellationToken);
    }
}
