namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>How a hostile test builds its clients: every row is tried through each.</summary>
public enum Construction
{
    /// <summary><c>new XClient(options)</c>: the SDK's own transport.</summary>
    Options,

    /// <summary><c>new XClient(options, new HttpClientHandler())</c>: a careless caller's transport with default settings (redirects and cookies on).</summary>
    OptionsAndTransport,

    /// <summary><c>services.AddXClient(...).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler())</c>, logging at Trace.</summary>
    DependencyInjection,
}
