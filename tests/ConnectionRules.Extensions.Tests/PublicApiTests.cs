using ConnectionRules.Tests.Support;
using System.Reflection;
using System.Text;
using ConnectionRules.Extensions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectionRules.Extensions.Tests;

/// <summary>The package's public API as an approved text file, so that every API change shows up as a diff in review.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_approved()
    {
        var text = new StringBuilder();
        foreach (var type in typeof(ConnectionRulesServiceCollectionExtensions).Assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var kind = type switch
            {
                { IsInterface: true } => "interface",
                { IsAbstract: true, IsSealed: true } => "static class",
                { IsSealed: true } => "sealed class",
                _ => "class",
            };
            text.Append(kind).Append(' ').Append(type.FullName).Append('\n');
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMethods(flags).Where(m => !m.IsSpecialName).Select(Describe)
                .Concat(type.GetProperties(flags).Select(p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.CanRead ? "get; " : "")}{(p.CanWrite ? "set; " : "")}}}"));
            foreach (var member in members.Order(StringComparer.Ordinal))
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        Snapshot.Verify(text.ToString());
    }

    private static string Describe(MethodInfo method)
    {
        var arguments = method.GetGenericArguments();
        var generic = arguments.Length == 0 ? "" : $"<{string.Join(", ", arguments.Select(a => a.Name))}>";
        var constraints = string.Concat(arguments.Select(a => $" where {a.Name} : {string.Join(", ", a.GetGenericParameterConstraints().Select(Name))}"));
        var extension = method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute)) ? "this " : "";
        var parameters = string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}"));
        return $"{(method.IsStatic ? "static " : "")}{Name(method.ReturnType)} {method.Name}{generic}({extension}{parameters}){constraints}";
    }

    private static string Name(Type type) => type switch
    {
        { IsGenericParameter: true } => type.Name,
        { IsGenericType: true } => $"{type.GetGenericTypeDefinition().FullName![..type.GetGenericTypeDefinition().FullName!.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>",
        _ => type.FullName ?? type.Name,
    };
}
