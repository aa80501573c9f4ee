using System.Reflection;
using System.Text;

namespace Scoring.Engine.Tests.PublicApi;

/// <summary>
/// Lists an assembly's public surface (types and their public members) as sorted text lines, so that a change to
/// the deliberate API of Scoring.Rules or Scoring.Engine shows up as a reviewed diff of a checked-in file.
/// </summary>
internal static class PublicApiListing
{
    public static string Of(Assembly assembly)
    {
        var blocks = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(Name, StringComparer.Ordinal))
        {
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags).Select(Describe).OfType<string>().Order(StringComparer.Ordinal);
            var block = new StringBuilder().Append(Kind(type)).Append(' ').Append(Name(type)).Append('\n');
            foreach (var member in members)
            {
                block.Append("  ").Append(member).Append('\n');
            }
            blocks.Add(block.ToString());
        }
        return string.Concat(blocks);
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string? Describe(MemberInfo member) => member switch
    {
        // Compiler-generated record members (EqualityContract, <Clone>$, Deconstruct) are noise for API review.
        MethodInfo m when m.IsSpecialName || m.Name.StartsWith('<') || m.Name is "Deconstruct" or "PrintMembers" => null,
        MethodInfo m => $"{Name(m.ReturnType)} {m.Name}({string.Join(", ", m.GetParameters().Select(p => Name(p.ParameterType)))})",
        ConstructorInfo c => $".ctor({string.Join(", ", c.GetParameters().Select(p => Name(p.ParameterType)))})",
        PropertyInfo p when p.Name == "EqualityContract" => null,
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name}",
        FieldInfo f when f.DeclaringType!.IsEnum && f.IsSpecialName => null,
        FieldInfo f => $"{Name(f.FieldType)} {f.Name}",
        _ => null,
    };

    private static string Name(Type type)
    {
        if (type.IsGenericType)
        {
            var bare = type.Name[..type.Name.IndexOf('`')];
            return $"{type.Namespace}.{bare}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
        }
        return type.IsNested ? $"{Name(type.DeclaringType!)}.{type.Name}" : $"{type.Namespace}.{type.Name}";
    }
}
