using System.Reflection;
using System.Text;

namespace ConnectionRules.Tests.Support;

/// <summary>
/// A package's public API as text: every public and protected type and member, by reflection, in a stable order, for
/// an approved snapshot (PublicApiGenerator is not available here). An interface member with a default implementation
/// reads <c>virtual</c>, an abstract one <c>abstract</c>.
/// </summary>
internal static class PublicApi
{
    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(TypeHeader(type)).Append('\n');
            foreach (var member in Members(type))
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string TypeHeader(Type type)
    {
        var kind = type switch
        {
            { IsEnum: true } => "enum",
            { IsInterface: true } => "interface",
            { IsValueType: true } => "struct",
            { IsAbstract: true, IsSealed: true } => "static class",
            { IsAbstract: true } => "abstract class",
            { IsSealed: true } => "sealed class",
            _ => "class",
        };
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal));
        return $"{kind} {Name(type)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : "")}";
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            return Enum.GetNames(type).Select(n => $"{n} = {Convert.ToInt64(Enum.Parse(type, n), System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var members = new List<string>();
        foreach (var member in type.GetMembers(flags))
        {
            var line = member switch
            {
                ConstructorInfo c when Visible(c) => $"{Access(c)}{Name(type).Split('<')[0]}({Parameters(c)})",
                MethodInfo m when Visible(m) && !m.IsSpecialName => $"{Access(m)}{Modifiers(m)}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)}){Constraints(m)}",
                MethodInfo m when Visible(m) && m.Name.StartsWith("op_", StringComparison.Ordinal) => $"{Access(m)}static {Name(m.ReturnType)} {m.Name}({Parameters(m)})",
                PropertyInfo p when Accessors(p).Any(Visible) => $"{Access(Accessors(p).First(Visible))}{Modifiers(Accessors(p).First(Visible))}{Name(p.PropertyType)} {p.Name} {{ {string.Join(" ", Accessors(p).Where(Visible).Select(a => a.Name.StartsWith("get_", StringComparison.Ordinal) ? "get;" : IsInit(a) ? "init;" : "set;"))} }}",
                FieldInfo f when (f.IsPublic || f.IsFamily) && !f.IsSpecialName => $"{(f.IsPublic ? "public " : "protected ")}{(f.IsLiteral ? "const " : f.IsStatic ? "static readonly " : f.IsInitOnly ? "readonly " : "")}{Name(f.FieldType)} {f.Name}",
                EventInfo e when e.AddMethod is { } add && Visible(add) => $"{Access(add)}event {Name(e.EventHandlerType!)} {e.Name}",
                _ => null,
            };
            if (line is not null)
            {
                members.Add(line);
            }
        }

        return members.Order(StringComparer.Ordinal);
    }

    private static IEnumerable<MethodInfo> Accessors(PropertyInfo p) => new[] { p.GetMethod, p.SetMethod }.OfType<MethodInfo>();

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static string Access(MethodBase m) => m.IsPublic ? "public " : "protected ";

    private static string Modifiers(MethodInfo m) =>
        m.IsStatic ? "static " : m.IsAbstract ? "abstract " : m.GetBaseDefinition() != m ? "override " : m.IsVirtual && !m.IsFinal ? "virtual " : "";

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Generic(MethodInfo m) => m.IsGenericMethod ? $"<{string.Join(", ", m.GetGenericArguments().Select(Name))}>" : "";

    private static string Constraints(MethodInfo m) => string.Concat(m.GetGenericArguments()
        .Where(a => a.GetGenericParameterConstraints().Length > 0)
        .Select(a => $" where {a.Name} : {string.Join(", ", a.GetGenericParameterConstraints().Select(Name))}"));

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p =>
        $"{(p.Position == 0 && m.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute), false) ? "this " : "")}{(p.GetCustomAttributes(typeof(ParamArrayAttribute), false).Length > 0 ? "params " : "")}{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue is null ? (p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? "default" : "null") : p.DefaultValue is string s ? $"\"{s}\"" : p.DefaultValue is bool b ? (b ? "true" : "false") : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : "")}"));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsGenericType)
        {
            var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
            return $"{name[..name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
        }

        return type.FullName ?? type.Name;
    }
}
