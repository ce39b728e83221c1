using System.Globalization;

namespace ConnectionRules;

/// <summary>
/// The building blocks of fluent rules and suppressions. Every predicate is named after the expression that built it,
/// and none of them treats an unknown fact as evidence: a predicate over a null value is false.
/// </summary>
public static class Predicates
{
    /// <summary>Gets a predicate that holds when the note says something of the sender's own: not absent, not blank, and not one of LinkedIn's stock invitation texts.</summary>
    public static RequestPredicate HasPersonalNote { get; } = new(nameof(HasPersonalNote), RequestFacts.HasPersonalNote);

    /// <summary>Gets a predicate that holds when sender and recipient share a group (case-insensitive; never when the recipient is unknown).</summary>
    public static RequestPredicate SharedGroup { get; } = new(nameof(SharedGroup), c => RequestFacts.HasSharedGroup(c.Request));

    /// <summary>Gets a predicate that holds when the recipient has met the sender in person.</summary>
    public static RequestPredicate KnownOffline { get; } = new(nameof(KnownOffline), c => c.Request.KnownOffline);

    /// <summary>Gets a predicate that holds when a shared first-degree connection introduced the two.</summary>
    public static RequestPredicate IntroducedByConnection { get; } = new(nameof(IntroducedByConnection), c => RequestFacts.IsIntroduced(c.Request));

    /// <summary>Gets a predicate that holds once the request has been accepted.</summary>
    public static RequestPredicate Accepted { get; } = new(nameof(Accepted), c => c.Request.AcceptedAt is not null);

    /// <summary>Gets a predicate that holds when the engine's pitch detector flags the note.</summary>
    public static RequestPredicate PitchInNote { get; } = new(nameof(PitchInNote), c => c.DetectPitchInNote().IsPitch);

    /// <summary>Returns a predicate that holds when the number of mutual connections is known and at least <paramref name="atLeast"/>.</summary>
    /// <param name="atLeast">The smallest number that counts.</param>
    /// <returns>The predicate, named <c>HasMutualConnections(n)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atLeast"/> is negative.</exception>
    public static RequestPredicate HasMutualConnections(int atLeast = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(atLeast);
        return new(Invariant($"{nameof(HasMutualConnections)}({atLeast})"), c => c.Request.MutualConnections >= atLeast);
    }

    /// <summary>
    /// Returns a predicate that holds when a sender message flagged by the pitch detector was sent within
    /// <paramref name="window"/> after the request was accepted (both ends inclusive).
    /// </summary>
    /// <param name="window">How long after acceptance a pitch counts.</param>
    /// <returns>The predicate, named <c>PitchWithin(window)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative.</exception>
    public static RequestPredicate PitchWithin(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        return new(Invariant($"{nameof(PitchWithin)}({window:c})"), c => RequestFacts.PitchWithin(c, window) >= 0);
    }

    /// <summary>Returns a predicate that holds when the note contains any of the phrases (ordinal, case-insensitive).</summary>
    /// <param name="phrases">The phrases; at least one, none blank.</param>
    /// <returns>The predicate, named <c>NoteContains("a", "b")</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phrases"/> is null.</exception>
    /// <exception cref="ArgumentException">No phrase, or a blank phrase.</exception>
    public static RequestPredicate NoteContains(params string[] phrases)
    {
        var copy = ValidatePhrases(phrases);
        return new($"{nameof(NoteContains)}({Quote(copy)})", c => RequestFacts.ContainsPhrase(c.Request.Note, copy));
    }

    /// <summary>Returns a predicate that holds when the sender's headline contains any of the phrases (ordinal, case-insensitive).</summary>
    /// <param name="phrases">The phrases; at least one, none blank.</param>
    /// <returns>The predicate, named <c>HeadlineContains("a", "b")</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phrases"/> is null.</exception>
    /// <exception cref="ArgumentException">No phrase, or a blank phrase.</exception>
    public static RequestPredicate HeadlineContains(params string[] phrases)
    {
        var copy = ValidatePhrases(phrases);
        return new($"{nameof(HeadlineContains)}({Quote(copy)})", c => RequestFacts.ContainsPhrase(c.Request.Sender.Headline, copy));
    }

    /// <summary>Returns a predicate that holds when the sender's connection count is known and at least <paramref name="n"/>.</summary>
    /// <param name="n">The threshold.</param>
    /// <returns>The predicate, named <c>SenderConnectionsAtLeast(n)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static RequestPredicate SenderConnectionsAtLeast(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return new(Invariant($"{nameof(SenderConnectionsAtLeast)}({n})"), c => c.Request.Sender.ConnectionCount >= n);
    }

    /// <summary>Returns a predicate that holds when the sender's connection count is known and below <paramref name="n"/>.</summary>
    /// <param name="n">The threshold.</param>
    /// <returns>The predicate, named <c>SenderConnectionsBelow(n)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public static RequestPredicate SenderConnectionsBelow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return new(Invariant($"{nameof(SenderConnectionsBelow)}({n})"), c => c.Request.Sender.ConnectionCount < n);
    }

    /// <summary>Returns a predicate that holds when the sender's account creation date is known, not in the future, and less than <paramref name="age"/> before the engine's now.</summary>
    /// <param name="age">The age below which an account counts as young.</param>
    /// <returns>The predicate, named <c>AccountYoungerThan(age)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="age"/> is negative.</exception>
    public static RequestPredicate AccountYoungerThan(TimeSpan age)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(age, TimeSpan.Zero);
        return new(Invariant($"{nameof(AccountYoungerThan)}({age:c})"), c => RequestFacts.AccountAge(c.Request.Sender, c.Now) < age);
    }

    /// <summary>Returns a predicate over your own condition.</summary>
    /// <param name="name">The name explanations show, e.g. <c>"Existing customer"</c>.</param>
    /// <param name="predicate">The condition; it must be thread-safe and should not throw.</param>
    /// <returns>The predicate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    public static RequestPredicate Custom(string name, Func<ConnectionRequest, bool> predicate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(predicate);
        return new(name, c => predicate(c.Request));
    }

    private static string[] ValidatePhrases(string[] phrases, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(phrases))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(phrases, paramName);
        if (phrases.Length == 0)
        {
            throw new ArgumentException("Give at least one phrase.", paramName);
        }

        foreach (var phrase in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase))
            {
                throw new ArgumentException("A phrase is null or blank; every phrase needs at least one visible character.", paramName);
            }
        }

        return (string[])phrases.Clone();
    }

    private static string Quote(string[] phrases) => string.Join(", ", phrases.Select(p => $"\"{p}\""));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
