using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>What is fixed about each PluginTests endpoint: its name, whether it may be re-sent, whether its body is streamed.</summary>
internal static class PluginTestsOperations
{
    public const string Service = "PluginTests";

    public static readonly ApiOperation GetRoot = ApiOperation.Get(Service, nameof(GetRoot));
    public static readonly ApiOperation GetPlugin = ApiOperation.Get(Service, nameof(GetPlugin));
    public static readonly ApiOperation ListReports = ApiOperation.Get(Service, nameof(ListReports));
    public static readonly ApiOperation GetReport = ApiOperation.Get(Service, nameof(GetReport));
    public static readonly ApiOperation ListEntities = ApiOperation.Get(Service, nameof(ListEntities));
    public static readonly ApiOperation DeletePlugin = ApiOperation.Delete(Service, nameof(DeletePlugin));
    public static readonly ApiOperation GetCurrentUser = ApiOperation.Get(Service, nameof(GetCurrentUser));
    public static readonly ApiOperation ListUserPlugins = ApiOperation.Get(Service, nameof(ListUserPlugins));
    public static readonly ApiOperation ListWebhooks = ApiOperation.Get(Service, nameof(ListWebhooks));
    public static readonly ApiOperation CreateWebhook = ApiOperation.Post(Service, nameof(CreateWebhook));
    public static readonly ApiOperation GetWebhook = ApiOperation.Get(Service, nameof(GetWebhook));
    public static readonly ApiOperation DeleteWebhook = ApiOperation.Delete(Service, nameof(DeleteWebhook));
    public static readonly ApiOperation ListQueue = ApiOperation.Get(Service, nameof(ListQueue));
    public static readonly ApiOperation EnqueueTest = ApiOperation.Post(Service, nameof(EnqueueTest));
    public static readonly ApiOperation ListPluginTables = ApiOperation.Get(Service, nameof(ListPluginTables), streamed: true);
}
