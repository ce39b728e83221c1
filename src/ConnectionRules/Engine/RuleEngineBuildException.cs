namespace ConnectionRules;

/// <summary>Thrown by <see cref="RuleEngineBuilder.Build"/> with every configuration problem it found, not just the first.</summary>
public sealed class RuleEngineBuildException : ArgumentException
{
    /// <summary>Initializes the exception with the problems found.</summary>
    /// <param name="errors">One sentence per problem.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is null.</exception>
    public RuleEngineBuildException(IEnumerable<string> errors)
        : this((errors ?? throw new ArgumentNullException(nameof(errors))).ToArray())
    {
    }

    private RuleEngineBuildException(string[] errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets one sentence per problem, in the order they were found.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Describe(string[] errors) => errors.Length == 1
        ? $"The rule engine configuration has a problem: {errors[0]}"
        : $"The rule engine configuration has {errors.Length} problems:{string.Concat(errors.Select(e => $"{Environment.NewLine}- {e}"))}";
}
