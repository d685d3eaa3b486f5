namespace PluginApis.Http;

/// <summary>How much of a shared quota a client's calls may use.</summary>
public enum QuotaLane
{
    /// <summary>Calls a person waits for: they may use the whole quota. The default.</summary>
    Interactive = 0,

    /// <summary>Background and batch calls: they leave a reserve of the quota for interactive calls.</summary>
    Batch = 1,
}
