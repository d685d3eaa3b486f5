using System.Reflection;
using System.Text;

namespace PluginApis.Conventions.Tests;

/// <summary>The documentation comment IDs the C# compiler writes into the XML doc file (<c>T:</c>, <c>M:</c>, ...).</summary>
internal static class DocIds
{
    public static string Of(MemberInfo member) => member switch
    {
        Type type => "T:" + Declaration(type),
        MethodBase method => "M:" + Declaration(method.DeclaringType!) + "." + MethodName(method) + Parameters(method) + Conversion(method),
        PropertyInfo property => "P:" + Declaration(property.DeclaringType!) + "." + property.Name.Replace('.', '#')
            + (property.GetIndexParameters() is { Length: > 0 } index ? "(" + string.Join(",", index.Select(p => Encode(p.ParameterType))) + ")" : string.Empty),
        FieldInfo field => "F:" + Declaration(field.DeclaringType!) + "." + field.Name,
        EventInfo @event => "E:" + Declaration(@event.DeclaringType!) + "." + @event.Name,
        _ => throw new ArgumentException($"No documentation ID for {member.MemberType}.", nameof(member)),
    };

    /// <summary>A type as declared: namespace, enclosing types and arity (<c>Outer.Inner`1</c>).</summary>
    private static string Declaration(Type type) =>
        type.IsNested ? Declaration(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? string.Empty : type.Namespace + ".") + type.Name;

    private static string MethodName(MethodBase method) =>
        method.IsConstructor
            ? (method.IsStatic ? "#cctor" : "#ctor")
            : method.Name.Replace('.', '#') + (method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length : string.Empty);

    private static string Parameters(MethodBase method) =>
        method.GetParameters() is { Length: > 0 } parameters ? "(" + string.Join(",", parameters.Select(p => Encode(p.ParameterType))) + ")" : string.Empty;

    private static string Conversion(MethodBase method) =>
        method is MethodInfo { Name: "op_Implicit" or "op_Explicit" } conversion ? "~" + Encode(conversion.ReturnType) : string.Empty;

    /// <summary>A type as it appears in a parameter list (<c>System.Collections.Generic.IEnumerable{System.String}</c>, <c>``0</c>, <c>T[]</c>, <c>T@</c>).</summary>
    private static string Encode(Type type)
    {
        if (type.IsByRef)
        {
            return Encode(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return Encode(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return Encode(type.GetElementType()!) + (type.IsSZArray ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]");
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition ? Constructed(type) : Declaration(type);
    }

    // Outer`1.Inner`1 with arguments (A, B) is Outer{A}.Inner{B}: each level takes as many arguments as its arity.
    private static string Constructed(Type type)
    {
        var arguments = type.GetGenericArguments();
        var chain = new List<Type>();
        for (var level = type.GetGenericTypeDefinition(); level is not null; level = level.IsNested ? level.DeclaringType : null)
        {
            chain.Insert(0, level);
        }

        var text = new StringBuilder(chain[0].Namespace is null ? string.Empty : chain[0].Namespace + ".");
        var used = 0;
        for (var i = 0; i < chain.Count; i++)
        {
            var name = chain[i].Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            var arity = tick < 0 ? 0 : int.Parse(name[(tick + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            text.Append(tick < 0 ? name : name[..tick]);
            if (arity > 0)
            {
                text.Append('{').AppendJoin(',', arguments.Skip(used).Take(arity).Select(Encode)).Append('}');
                used += arity;
            }

            if (i < chain.Count - 1)
            {
                text.Append('.');
            }
        }

        return text.ToString();
    }
}
