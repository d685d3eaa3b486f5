namespace PluginApis.Conventions.Tests;

/// <summary>
/// Rule: no public type name is used by two of the shipped packages, so a user who imports both clients' namespaces (and
/// the emulator's) never has to qualify a type.
/// </summary>
public sealed class TypeNameConventionTests
{
    [Fact]
    public void No_public_type_name_is_used_in_two_packages()
    {
        var clashes = ShippedApi.Types
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Assembly).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => $"{t.FullName} ({t.Assembly.GetName().Name})"))}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(clashes.Count == 0, "Public type names used in more than one package:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void The_rule_sees_the_public_types_of_all_four_packages()
    {
        var packages = ShippedApi.Types.Select(t => t.Assembly.GetName().Name).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["PluginApis.Emulator", "PluginApis.Http", "PluginTests.Client", "WunderUpdates.Client"], packages);
    }
}
