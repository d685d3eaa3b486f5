using System.Reflection;
using System.Runtime.CompilerServices;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Conventions.Tests;

/// <summary>
/// The public surface of the shipped libraries: <c>PluginApis.Http</c>, <c>PluginTests.Client</c>, <c>WunderUpdates.Client</c>
/// and <c>PluginApis.Emulator</c> (its public API: the host a user's tests start). A member is part of it when a user can
/// call it: public, or protected on a type that can be derived from.
/// </summary>
internal static class ShippedApi
{
    public static readonly IReadOnlyList<Assembly> Assemblies =
    [
        typeof(ApiClient).Assembly,
        typeof(PluginTestsClient).Assembly,
        typeof(WunderUpdatesClient).Assembly,
        typeof(EmulatorHost).Assembly,
    ];

    public static IEnumerable<Type> Types => Assemblies.SelectMany(a => a.GetExportedTypes());

    /// <summary>
    /// Methods (operators included) and constructors a user can call, declared by the shipped types. Not counted: property
    /// and event accessors (the property is the member), what the compiler synthesizes (a record's equality members, its
    /// copy constructor, <c>Deconstruct</c>; all marked <see cref="CompilerGeneratedAttribute"/>), and delegates.
    /// </summary>
    public static IEnumerable<MethodBase> Callables =>
        Types.Where(t => !typeof(Delegate).IsAssignableFrom(t)).SelectMany(DeclaredCallables);

    /// <summary><see cref="Callables"/> that return <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
    public static IEnumerable<MethodInfo> AsyncMethods => Callables.OfType<MethodInfo>().Where(m => IsAsync(m.ReturnType));

    public static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Task<>) || d == typeof(ValueTask<>) || d == typeof(IAsyncEnumerable<>)));

    public static string Describe(MethodBase method) =>
        $"{method.DeclaringType!.FullName}.{(method.IsConstructor ? "ctor" : method.Name)}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))})";

    private static IEnumerable<MethodBase> DeclaredCallables(Type type)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var accessors = type.GetProperties(Declared).SelectMany(p => p.GetAccessors(nonPublic: true))
            .Concat(type.GetEvents(Declared).SelectMany(e => new[] { e.AddMethod, e.RemoveMethod, e.RaiseMethod }))
            .Where(m => m is not null)
            .ToHashSet();
        return type.GetMethods(Declared).Where(m => !accessors.Contains(m)).Cast<MethodBase>()
            .Concat(type.GetConstructors(Declared))
            .Where(m => Callable(type, m) && !m.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false));
    }

    private static bool Callable(Type type, MethodBase member) =>
        member.IsPublic || (!type.IsSealed && (member.IsFamily || member.IsFamilyOrAssembly));
}
