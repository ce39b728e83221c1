using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Packaging.Tests;

/// <summary>
/// What a CRM developer gets: <c>dotnet pack -c Release</c> makes both packages with their metadata, docs and symbols,
/// and a fresh project that installs them from a local folder builds and runs the packages' own README examples.
/// </summary>
public sealed partial class PackageTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    public static TheoryData<string, string> Packages => new()
    {
        { "ConnectionRules", "Analyzer-style rules" },
        { "ConnectionRules.Extensions", "Microsoft.Extensions integration" },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Each_package_carries_its_metadata_readme_and_xml_docs_for_both_targets(string id, string descriptionStart)
    {
        using var package = ZipFile.OpenRead(packages.PathOf($"{id}.{PackedPackages.Version}.nupkg"));
        var nuspec = Nuspec(package, id);
        string Field(string name) => nuspec.Elements().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal(id, Field("id"));
        Assert.Equal(PackedPackages.Version, Field("version"));
        Assert.StartsWith(descriptionStart, Field("description"), StringComparison.Ordinal);
        Assert.NotEmpty(Field("tags"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        var repository = nuspec.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("https://github.com/connection-rules/connection-rules", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");

        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("README.md", entries);
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/{id}.dll", entries);
            Assert.Contains($"lib/{framework}/{id}.xml", entries);
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Each_package_has_a_symbol_package_with_portable_pdbs(string id, string descriptionStart)
    {
        Assert.NotEmpty(descriptionStart);
        using var symbols = ZipFile.OpenRead(packages.PathOf($"{id}.{PackedPackages.Version}.snupkg"));
        var entries = symbols.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains($"lib/net8.0/{id}.pdb", entries);
        Assert.Contains($"lib/net10.0/{id}.pdb", entries);
    }

    [Fact]
    public void The_extensions_package_depends_on_the_core_and_the_lowest_workable_Microsoft_Extensions()
    {
        using var package = ZipFile.OpenRead(packages.PathOf($"ConnectionRules.Extensions.{PackedPackages.Version}.nupkg"));
        var dependencies = Nuspec(package, "ConnectionRules.Extensions").Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .Select(e => $"{e.Parent!.Attribute("targetFramework")!.Value} {e.Attribute("id")!.Value} {e.Attribute("version")!.Value}")
            .ToList();

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"{framework} ConnectionRules {PackedPackages.Version}", dependencies);
            Assert.All(
                dependencies.Where(d => d.StartsWith(framework + " Microsoft.", StringComparison.Ordinal)),
                d => Assert.EndsWith(" 8.0.0", d, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_fresh_project_installs_both_packages_from_a_folder_and_runs_their_readme_examples()
    {
        var output = packages.RunConsumer();

        Assert.Contains("Request req-1: Decline (1 diagnostic)", output, StringComparison.Ordinal);
        Assert.Contains("CR1003 error: The note is a sales pitch", output, StringComparison.Ordinal);
        Assert.Contains("CR1001 is warning; CR3002 is off", output, StringComparison.Ordinal);
    }

    private static XElement Nuspec(ZipArchive package, string id)
    {
        using var stream = package.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }
}

/// <summary>Packs both packages once into a temporary folder, and builds and runs a consumer of them on demand.</summary>
public sealed partial class PackedPackages : IDisposable
{
    public const string Version = "1.0.0";

    private readonly string _root = Directory.CreateTempSubdirectory("connection-rules-packages-").FullName;

    public PackedPackages()
    {
        // The solution's build has restored these projects; packing does not restore again, so it never rewrites a
        // project.assets.json that another test's build may be reading.
        foreach (var project in new[] { "ConnectionRules", "ConnectionRules.Extensions" })
        {
            Dotnet(Repository.Root, "pack", Repository.PathOf("src", project, project + ".csproj"), "-c", "Release", "-o", PathOf(""), "--no-restore", "--nologo");
        }
    }

    public string PathOf(string file) => Path.Combine(_root, "packages", file);

    /// <summary>
    /// A project outside the repository (so no Directory.Build.props applies) whose only sources are the packed folder,
    /// the machine's own package cache and the machine's configured source; its own empty cache ensures the fresh packages are used.
    /// </summary>
    public string RunConsumer()
    {
        var consumer = Directory.CreateDirectory(Path.Combine(_root, "consumer")).FullName;
        var machineCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="packed" value="{PathOf("")}" />
                <add key="machine-cache" value="{machineCache}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ConnectionRules" Version="{Version}" />
                <PackageReference Include="ConnectionRules.Extensions" Version="{Version}" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.14" />
                <PackageReference Include="Microsoft.Extensions.Configuration" Version="10.0.14" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ReadmeExamples());
        return Dotnet(consumer, "run", "--nologo");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    /// <summary>The C# block of each package's README, as one program: their using directives first, then each block in a scope of its own.</summary>
    private static string ReadmeExamples()
    {
        var blocks = new[] { "ConnectionRules", "ConnectionRules.Extensions" }
            .Select(project => CSharpBlock().Match(File.ReadAllText(Repository.PathOf("src", project, "README.md"))))
            .Select(match => match.Success ? match.Groups["code"].Value.Split('\n') : throw new InvalidOperationException("A package README has no ```csharp block."))
            .ToList();
        var usings = blocks.SelectMany(lines => lines.Where(IsUsing)).Distinct();
        var scopes = blocks.Select(lines => $"{{\n{string.Join('\n', lines.Where(l => !IsUsing(l)))}\n}}");
        return string.Join('\n', usings.Concat(scopes));

        static bool IsUsing(string line) => UsingDirective().IsMatch(line);
    }

    private string Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NUGET_PACKAGES"] = Path.Combine(_root, "cache");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (workingDirectory == Repository.Root)
        {
            // Packing the repository's projects restores from the repository's own configuration and cache.
            start.Environment.Remove("NUGET_PACKAGES");
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took more than 5 minutes.");
        }

        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}\n{error.Result}");
        return output;
    }

    [GeneratedRegex(@"^using [\w.]+;\s*$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
