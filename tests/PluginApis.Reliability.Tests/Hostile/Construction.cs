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

/// <summary>Theory data shared by the hostile rows.</summary>
public static class HostileCases
{
    /// <summary>Every construction with each of the two clients (by service name).</summary>
    public static TheoryData<Construction, string> EveryConstructionAndClient()
    {
        var data = new TheoryData<Construction, string>();
        foreach (var how in Enum.GetValues<Construction>())
        {
            data.Add(how, "PluginTests");
            data.Add(how, "WunderUpdates");
        }

        return data;
    }
}
