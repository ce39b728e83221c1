namespace ConnectionRules.Integration.Tests.Docs;

/// <summary>Tests that redirect <see cref="Console.Out"/> run one at a time, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
