using System.Reflection;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;

namespace PluginApis.Conventions.Tests;

/// <summary>
/// Rule: every public async method of the shipped libraries (one that returns <c>Task</c>, <c>Task&lt;T&gt;</c>,
/// <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>) takes
/// <c>CancellationToken cancellationToken = default</c> as its last parameter. Exempt only where a framework contract fixes
/// the signature: <c>IAsyncDisposable.DisposeAsync()</c> and overrides of framework base-class methods.
/// </summary>
public sealed class CancellationTokenConventionTests
{
    [Fact]
    public void Every_public_async_method_ends_with_an_optional_cancellationToken()
    {
        var offenders = ShippedApi.AsyncMethods
            .Where(m => !FixedByTheFramework(m) && !EndsWithOptionalToken(m))
            .Select(ShippedApi.Describe)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "Async methods without a last 'CancellationToken cancellationToken = default':\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_rule_sees_the_async_methods_of_every_shipped_library()
    {
        var seen = ShippedApi.AsyncMethods.Select(m => (m.DeclaringType, m.Name)).ToHashSet();

        Assert.Contains((typeof(IPluginTestsClient), nameof(IPluginTestsClient.GetPluginAsync)), seen);
        Assert.Contains((typeof(IPluginTestsClient), nameof(IPluginTestsClient.ListPluginTablesAsync)), seen); // IAsyncEnumerable
        Assert.Contains((typeof(ApiClient), nameof(ApiClient.SendRawAsync)), seen);
        Assert.Contains((typeof(IQuotaStore), nameof(IQuotaStore.AcquireAsync)), seen); // ValueTask<T>
        Assert.Contains((typeof(WunderUpdates.Client.WunderUpdatesClient), nameof(WunderUpdates.Client.WunderUpdatesClient.UploadVersionAsync)), seen);
        Assert.Contains((typeof(EmulatorHost), nameof(EmulatorHost.StartAsync)), seen);
        Assert.Contains((typeof(EmulatorHost), nameof(EmulatorHost.DisposeAsync)), seen);
    }

    private static bool EndsWithOptionalToken(MethodInfo method) =>
        method.GetParameters() is [.., var last]
        && last.ParameterType == typeof(CancellationToken)
        && last.Name == "cancellationToken"
        && last.HasDefaultValue
        && last.DefaultValue is null or CancellationToken { CanBeCanceled: false };

    private static bool FixedByTheFramework(MethodInfo method) =>
        (method.Name == nameof(IAsyncDisposable.DisposeAsync) && method.GetParameters().Length == 0 && typeof(IAsyncDisposable).IsAssignableFrom(method.DeclaringType))
        || !ShippedApi.Assemblies.Contains(method.GetBaseDefinition().DeclaringType!.Assembly);
}
