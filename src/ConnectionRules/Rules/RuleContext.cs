namespace ConnectionRules;

/// <summary>
/// What a rule sees while it evaluates one request: the request, the engine's clock, pitch detector and options,
/// and <see cref="Report(string, object[])"/>. Valid only during the <see cref="ConnectionRule.Evaluate"/> call it was passed to.
/// </summary>
public readonly struct RuleContext
{
    private readonly EvaluationState? _state;
    private readonly ConfiguredRule? _rule;
    private readonly int _evaluation;

    internal RuleContext(EvaluationState state, ConfiguredRule rule)
    {
        _state = state;
        _rule = rule;
        _evaluation = state.Stamp;
    }

    /// <summary>Gets the request being evaluated.</summary>
    /// <exception cref="InvalidOperationException">The rule's evaluation is over, or the context is a default value.</exception>
    public ConnectionRequest Request => State.Request!;

    /// <summary>Gets the current time, read once per evaluation from the engine's <see cref="TimeProvider"/>.</summary>
    /// <exception cref="InvalidOperationException">The rule's evaluation is over, or the context is a default value.</exception>
    public DateTimeOffset Now => State.Now;

    /// <summary>Gets the engine's pitch detector.</summary>
    /// <exception cref="InvalidOperationException">The rule's evaluation is over, or the context is a default value.</exception>
    public IPitchDetector PitchDetector => State.Engine!.PitchDetector;

    /// <summary>Gets the engine's options (read-only once the engine is built).</summary>
    /// <exception cref="InvalidOperationException">The rule's evaluation is over, or the context is a default value.</exception>
    public RuleEngineOptions Options => State.Engine!.Options;

    /// <summary>Gets the descriptor of the rule being evaluated.</summary>
    /// <exception cref="InvalidOperationException">The context is a default value, not one the engine passed in.</exception>
    public RuleDescriptor Descriptor => (_rule ?? throw NotFromEngine()).Descriptor;

    /// <summary>
    /// Reports a finding of the current rule: the engine formats the descriptor's message with
    /// <paramref name="messageArgs"/>, applies the configured severity, and asks the suppressors.
    /// </summary>
    /// <param name="location">A camelCase path into the request (<c>note</c>, <c>messages[2]</c>, <c>sender.connectionCount</c>), or <see langword="null"/>.</param>
    /// <param name="messageArgs">The arguments of the descriptor's message format.</param>
    /// <exception cref="InvalidOperationException">The rule's evaluation is over, or the context is a default value.</exception>
    /// <exception cref="ArgumentException">Fewer arguments than the message format needs.</exception>
    public void Report(string? location = null, params object?[] messageArgs) =>
        Report(location, new ReadOnlySpan<object?>(messageArgs));

    /// <summary>
    /// Reports a finding of the current rule, as <see cref="Report(string, object[])"/> does. A call that lists the
    /// arguments binds here from C# 13 on and passes them on the stack. A diagnostic whose message is formatted when
    /// first read keeps its own copy of them: up to two in its own fields, so that no array is allocated for them, and
    /// more in one array.
    /// </summary>
    /// <param name="location">A camelCase path into the request (<c>note</c>, <c>messages[2]</c>, <c>sender.connectionCount</c>), or <see langword="null"/>.</param>
    /// <param name="messageArgs">The arguments of the descriptor's message format; the diagnostic copies them.</param>
    /// <exception cref="InvalidOperationException">The rule's evaluation is over, or the context is a default value.</exception>
    /// <exception cref="ArgumentException">Fewer arguments than the message format needs.</exception>
    public void Report(string? location, params ReadOnlySpan<object?> messageArgs) =>
        State.Report(this, _rule!, location, messageArgs);

    /// <summary>Asks the engine's pitch detector about the note, once per evaluation: later calls reuse the answer.</summary>
    /// <returns>The match, or <see cref="PitchMatch.None"/> when there is no note or it is not a pitch.</returns>
    /// <exception cref="InvalidOperationException">The rule's evaluation is over, or the context is a default value.</exception>
    public PitchMatch DetectPitchInNote() => State.NotePitch();

    /// <summary>Asks the engine's pitch detector about one message, once per evaluation: later calls reuse the answer.</summary>
    /// <param name="index">The index of the message in <see cref="ConnectionRequest.Messages"/>.</param>
    /// <returns>The match, or <see cref="PitchMatch.None"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an index of a message.</exception>
    /// <exception cref="InvalidOperationException">The rule's evaluation is over, or the context is a default value.</exception>
    public PitchMatch DetectPitchInMessage(int index) => State.MessagePitch(index);

    /// <summary>The first phrase of a built-in rule lexicon in the note; the note is read at most once per evaluation.</summary>
    internal bool NoteHas(Lexicon lexicon, out PhraseHit hit) => State.NoteHas(lexicon, out hit);

    /// <summary>The first phrase of a built-in rule lexicon in one message; a message is read at most once per evaluation.</summary>
    internal bool MessageHas(int index, Lexicon lexicon, out PhraseHit hit) => State.MessageHas(index, lexicon, out hit);

    /// <summary>Scratch space reused across evaluations on this thread, for rules that fingerprint messages.</summary>
    internal ulong[] Fingerprints(int length) => State.RentFingerprints(length);

    /// <summary>Scratch space reused across evaluations on this thread, for rules that hash the words of messages.</summary>
    internal uint[] WordHashes(int length) => State.RentWordHashes(length);

    /// <summary>Scratch space reused across evaluations on this thread, for rules that compare the words of messages.</summary>
    internal ulong[] WordTable(int length) => State.RentWordTable(length);

    // The engine reuses its evaluation state, so a saved context would read another evaluation's request: it refuses,
    // also while the same rule runs again on that state, in a later evaluation.
    private EvaluationState State
    {
        get
        {
            var state = _state ?? throw NotFromEngine();
            return ReferenceEquals(state.ActiveRule, _rule) && state.Stamp == _evaluation
                ? state
                : throw new InvalidOperationException($"Rule {_rule!.Descriptor.Id}'s context was used after its evaluation was over: use a RuleContext only inside the ConnectionRule.Evaluate call it was passed to, not from a saved copy.");
        }
    }

    private static InvalidOperationException NotFromEngine() =>
        new("This RuleContext is a default value; use the context the engine passes to ConnectionRule.Evaluate.");
}
