using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Integration.Tests;

/// <summary>
/// Rules across the shipped packages, by reflection: a user who imports every namespace (as the README does) never meets an
/// ambiguous name, and every model keeps unknown fields under one name and can be built for a fake.
/// </summary>
public sealed class PackageConventionTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(ApiException).Assembly,
        typeof(PluginTestsClient).Assembly,
        typeof(WunderUpdatesClient).Assembly,
        typeof(EmulatorHost).Assembly,
    ];

    private static IEnumerable<Type> Models => Shipped.SelectMany(a => a.GetExportedTypes())
        .Where(t => t.GetProperties().Any(p => p.IsDefined(typeof(JsonExtensionDataAttribute))));

    [Fact]
    public void No_public_type_name_appears_in_two_packages()
    {
        var duplicates = Shipped
            .SelectMany(a => a.GetExportedTypes().Where(t => !t.IsNested).Select(t => (t.Name, Package: a.GetName().Name, t.FullName)))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Package).Distinct().Count() > 1)
            .Select(g => string.Join(", ", g.Select(t => t.FullName)))
            .ToList();

        Assert.True(duplicates.Count == 0, "Public type names shared by packages: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void Both_plugin_models_can_be_named_with_both_namespaces_imported()
    {
        // With both namespaces imported (as in the README), each name binds to exactly one type.
        var tested = new Plugin { Directory = "wporg", Slug = "akismet" };
        var hosted = new HostedPlugin { Slug = "my-plugin", License = License.StaticKeys };

        Assert.Equal("PluginTests.Client", tested.GetType().Namespace);
        Assert.Equal("WunderUpdates.Client", hosted.GetType().Namespace);
    }

    [Fact]
    public void Archive_inspection_results_can_be_built_for_a_fake()
    {
        var info = new PluginArchiveInfo
        {
            Slug = "my-plugin",
            Version = "1.4.0",
            MainFile = "my-plugin/my-plugin.php",
            PluginHeaders = new Dictionary<string, string> { ["Plugin Name"] = "My Plugin" },
            Readme = new PluginReadme { Name = "My Plugin", StableTag = "1.4.0" },
        };

        Assert.Equal("My Plugin", info.PluginName);
        Assert.Empty(info.Readme.Tags);
        Assert.Empty(new PluginArchiveInfo().PluginHeaders);
        Assert.Empty(new PluginReadme().Headers);
    }

    [Fact]
    public void Every_model_keeps_unknown_fields_as_ExtensionData()
    {
        var models = Models.ToList();
        Assert.Contains(typeof(Plugin), models);
        Assert.Contains(typeof(HostedPlugin), models);
        foreach (var model in models)
        {
            var extension = Assert.Single(model.GetProperties(), p => p.IsDefined(typeof(JsonExtensionDataAttribute)));
            Assert.True(extension.Name == "ExtensionData", $"{model.FullName}.{extension.Name} should be named ExtensionData.");
            Assert.Equal(typeof(IDictionary<string, JsonElement>), extension.PropertyType);
        }
    }

    [Fact]
    public void Every_model_can_be_built_for_a_fake_and_starts_with_empty_lists()
    {
        foreach (var model in Models)
        {
            var factories = model.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == model)
                .Concat<MemberInfo>(model.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == model));
            Assert.True(model.GetConstructors().Length > 0 || factories.Any(), $"{model.FullName} has no public constructor or factory.");

            if (model.GetConstructor(Type.EmptyTypes) is not { } constructor)
            {
                continue;
            }

            var instance = constructor.Invoke(null);
            foreach (var list in model.GetProperties().Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)
                && !p.IsDefined(typeof(JsonExtensionDataAttribute))))
            {
                Assert.True(list.GetValue(instance) is not null, $"new {model.Name}().{list.Name} is null; lists start empty.");
            }
        }
    }
}
