using ConnectionRules.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectionRules.Extensions.Tests;

/// <summary>The package's public API as an approved text file, so that every API change shows up as a diff in review.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_is_approved() => Snapshot.Verify(PublicApi.Describe(typeof(ConnectionRulesServiceCollectionExtensions).Assembly));
}
