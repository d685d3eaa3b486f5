using System.Reflection;
using Refit;
using Xunit;

namespace PluginApis.Tests.Shared;

/// <summary>Checks that every endpoint method of a Refit interface has exactly one wire contract test, and no test names a route that does not exist.</summary>
internal static class ContractCoverage
{
    /// <summary>The endpoint methods of <paramref name="api"/>: every method, each carrying one Refit HTTP method attribute.</summary>
    public static IReadOnlyList<MethodInfo> Endpoints(Type api)
    {
        var methods = api.GetMethods(BindingFlags.Public | BindingFlags.Instance);
        var notRoutes = methods.Where(m => m.GetCustomAttributes<HttpMethodAttribute>().Count() != 1).Select(m => m.Name).ToList();
        Assert.True(notRoutes.Count == 0, $"{api.Name} has methods without exactly one Refit verb attribute: {string.Join(", ", notRoutes)}.");
        var overloaded = methods.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(overloaded.Count == 0, $"{api.Name} overloads {string.Join(", ", overloaded)}: a contract test names its endpoint by method name.");
        return methods;
    }

    public static void AssertEveryEndpointHasAContractTest(Type api, Type tests)
    {
        var endpoints = Endpoints(api).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var named = tests.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => (Test: m, Contract: m.GetCustomAttribute<ContractForAttribute>()))
            .Where(t => t.Contract is not null)
            .ToList();

        var notRun = named.Where(t => t.Test.GetCustomAttribute<FactAttribute>() is null).Select(t => t.Test.Name).ToList();
        Assert.True(notRun.Count == 0, $"[ContractFor] on methods that are not tests: {string.Join(", ", notRun)}.");

        var covered = named.GroupBy(t => t.Contract!.Endpoint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = endpoints.Where(e => !covered.ContainsKey(e)).Order(StringComparer.Ordinal).ToList();
        var unknown = covered.Keys.Where(e => !endpoints.Contains(e)).Order(StringComparer.Ordinal).ToList();
        var twice = covered.Where(c => c.Value > 1).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"Endpoints of {api.Name} without a wire contract test in {tests.Name}: {string.Join(", ", missing)}.");
        Assert.True(unknown.Count == 0, $"Contract tests in {tests.Name} name endpoints {api.Name} does not have: {string.Join(", ", unknown)}.");
        Assert.True(twice.Count == 0, $"Endpoints with more than one [ContractFor] test (one contract per route): {string.Join(", ", twice)}.");
    }
}
