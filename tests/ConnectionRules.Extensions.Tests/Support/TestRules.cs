namespace ConnectionRules.Extensions.Tests.Support;

/// <summary>Names a test wants to block: a dependency a container rule is constructed with.</summary>
public sealed class BlockList(params string[] names)
{
    public bool Contains(string name) => names.Contains(name, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A rule with a constructor dependency, as applications write them for the container.</summary>
public sealed class BlockedSenderRule(BlockList blockList) : ConnectionRule
{
    private static readonly RuleDescriptor Rule = new("ACME100", "Blocked sender", "{0} is on the block list", "Blocking", Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        if (blockList.Contains(context.Request.Sender.Name))
        {
            context.Report("sender.name", context.Request.Sender.Name);
        }
    }
}

/// <summary>A rule registered as a plain service rather than through AddRule.</summary>
public sealed class KnownOfflineRule : ConnectionRule
{
    private static readonly RuleDescriptor Rule = new("ACME200", "Known offline", "Met in person", "Custom", Severity.Info);

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        if (context.Request.KnownOffline)
        {
            context.Report();
        }
    }
}

/// <summary>A rule that always throws, to see CR0001 and its log entry.</summary>
public sealed class ThrowingRule : ConnectionRule
{
    private static readonly RuleDescriptor Rule = new("ACME900", "Throws", "Never reported", "Custom", Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context) => throw new InvalidOperationException("boom");
}

/// <summary>A pitch detector that flags one word, to see that the container's detector is the one used.</summary>
public sealed class WordPitchDetector(string word) : IPitchDetector
{
    public PitchMatch Detect(string text)
    {
        var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? default : new PitchMatch(word, index, word.Length);
    }
}
