using System.Reflection;
using PublicApiGenerator;
using Xunit;

namespace PluginApis.Tests.Shared;

/// <summary>
/// Compares an assembly's public surface with the listing checked in beside its project (src/NAME/PublicAPI.txt).
/// After an intended change run the tests with UPDATE_PUBLIC_API=1 and commit the new listing.
/// </summary>
internal static class PublicApiListing
{
    public static void AssertMatches(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        var actual = Normalise(assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            // Compiler-generated state-machine names change with unrelated private edits; they are not API.
            ExcludeAttributes = ["System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute", "System.Runtime.CompilerServices.AsyncStateMachineAttribute"],
        }));
        var path = Path.Combine(RepositoryRoot(), "src", name, "PublicAPI.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        var expected = File.Exists(path) ? Normalise(File.ReadAllText(path)) : "(no listing checked in)";
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var added = actualLines.Except(expectedLines).Take(20);
            var removed = expectedLines.Except(actualLines).Take(20);
            Assert.Fail($"The public API of {name} changed without src/{name}/PublicAPI.txt being updated.\n" +
                $"Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}\n" +
                "If the change is intended, run the tests with UPDATE_PUBLIC_API=1 and commit the listing.");
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PluginApis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PluginApis.sln not found above " + AppContext.BaseDirectory);
    }
}
