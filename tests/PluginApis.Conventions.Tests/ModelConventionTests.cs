using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Conventions.Tests;

/// <summary>
/// Rules for the models of the shipped packages (the types with a <see cref="JsonExtensionDataAttribute"/> property): every
/// model keeps unknown fields under one name in both packages and can be built for a fake, with lists that start empty.
/// </summary>
public sealed class ModelConventionTests
{
    private static IEnumerable<Type> Models => ShippedApi.Types
        .Where(t => t.GetProperties().Any(p => p.IsDefined(typeof(JsonExtensionDataAttribute))));

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
