using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;

namespace PluginApis.Conventions.Tests;

/// <summary>
/// The generated XML doc files of the shipped libraries (next to their assemblies), with <c>&lt;include&gt;</c>d text
/// already in place (the compiler expands it) and <c>&lt;inheritdoc/&gt;</c> resolved here: to its <c>cref</c>, else to the
/// interface member a method implements or the base member it overrides.
/// </summary>
internal static class XmlDocs
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, XElement>> Files = new();

    /// <summary>The member's documentation with <c>&lt;inheritdoc/&gt;</c> resolved, or null when it has none.</summary>
    public static XElement? For(MemberInfo member)
    {
        var own = Find(DocIds.Of(member));
        if (own?.Element("inheritdoc") is not { } inherit)
        {
            return own;
        }

        var source = inherit.Attribute("cref")?.Value is { } cref ? Find(cref) : InheritedFrom(member) is { } inherited ? For(inherited) : null;
        return new XElement(own.Name, own.Attributes(), own.Elements().Where(e => e.Name != "inheritdoc"), source?.Elements() ?? []);
    }

    /// <summary>The <c>T:</c> crefs of the member's <c>&lt;exception&gt;</c> tags, in order.</summary>
    public static IReadOnlyList<string> ExceptionCrefs(XElement docs) =>
        [.. docs.Elements("exception").Select(e => e.Attribute("cref")?.Value ?? "(no cref)")];

    private static XElement? Find(string id) =>
        ShippedApi.Assemblies.Select(a => Load(a).GetValueOrDefault(id)).FirstOrDefault(e => e is not null);

    private static IReadOnlyDictionary<string, XElement> Load(Assembly assembly) => Files.GetOrAdd(assembly, static a =>
    {
        var path = Path.ChangeExtension(a.Location, ".xml");
        Assert.True(File.Exists(path), $"{a.GetName().Name} has no XML doc file next to it ({path}): GenerateDocumentationFile must be on.");
        return XDocument.Load(path).Descendants("member").ToDictionary(m => m.Attribute("name")!.Value, StringComparer.Ordinal);
    });

    private static MemberInfo? InheritedFrom(MemberInfo member)
    {
        if (member is not MethodInfo method)
        {
            return null;
        }

        var baseDefinition = method.GetBaseDefinition();
        if (baseDefinition.DeclaringType != method.DeclaringType)
        {
            return baseDefinition;
        }

        var type = method.DeclaringType!;
        return type.IsInterface
            ? null
            : type.GetInterfaces()
                .Select(type.GetInterfaceMap)
                .SelectMany(map => map.TargetMethods.Select((target, i) => (target, map.InterfaceMethods[i])))
                .Where(pair => pair.target.MetadataToken == method.MetadataToken && pair.target.Module == method.Module)
                .Select(pair => (MemberInfo)pair.Item2)
                .FirstOrDefault();
    }
}
