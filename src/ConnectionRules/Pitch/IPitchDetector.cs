namespace ConnectionRules;

/// <summary>
/// Decides whether a text (a note or a message) is a sales pitch. The engine calls it from several threads at once,
/// so an implementation must be thread-safe; it should also be fast and allocation-free, because it runs on every
/// text of every evaluated request.
/// </summary>
public interface IPitchDetector
{
    /// <summary>Looks for a sales pitch in <paramref name="text"/>.</summary>
    /// <param name="text">The text to inspect; never <see langword="null"/>.</param>
    /// <returns>The match, or <see cref="PitchMatch.None"/> when the text is not a pitch.</returns>
    PitchMatch Detect(string text);
}
