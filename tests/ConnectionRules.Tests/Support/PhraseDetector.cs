namespace ConnectionRules.Tests.Support;

/// <summary>A pitch detector that flags exactly one phrase, so that a rule's message does not depend on the built-in lexicon.</summary>
public sealed class PhraseDetector(string phrase) : IPitchDetector
{
    public PitchMatch Detect(string text)
    {
        var index = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? PitchMatch.None : new PitchMatch(phrase, index, phrase.Length);
    }
}

/// <summary>Expected diagnostics are data: id, location, message.</summary>
public static class Reports
{
    public static (string Id, string? Location, string Message)[] Of(Evaluation evaluation, string id) =>
        [.. evaluation.Diagnostics.Where(d => d.Id == id).Select(d => (d.Id, d.Location, d.Message))];
}
