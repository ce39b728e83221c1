namespace ConnectionRules;

/// <summary>
/// The scratch space of one evaluation, reused by the next evaluation on the same thread so that a clean
/// evaluation allocates nothing. Rented from and returned to a thread-static slot, so re-entrant calls are safe.
/// </summary>
internal sealed class EvaluationState
{
    [ThreadStatic]
    private static EvaluationState? t_cached;

    private readonly List<Diagnostic> _diagnostics = [];

    // What rules asked about the note and each message, computed once per evaluation and only when a rule asks.
    // Stamps tell this evaluation's answers from the previous ones without clearing the arrays.
    private TextAnswers _note;
    private TextAnswers[] _messages = [];
    private int _stamp;

    public RuleEngine? Engine { get; private set; }

    public ConnectionRequest? Request { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>The rule whose Evaluate is running; reports from any other context are refused.</summary>
    public ConfiguredRule? ActiveRule { get; set; }

    public List<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Scratch space for rules that fingerprint messages (CR2004), reused across evaluations.</summary>
    public ulong[] Fingerprints { get; private set; } = [];

    public static EvaluationState Rent(RuleEngine engine, ConnectionRequest request, DateTimeOffset now)
    {
        var state = t_cached ?? new EvaluationState();
        t_cached = null;
        state.Engine = engine;
        state.Request = request;
        state.Now = now;
        state._stamp++;
        if (state._stamp == int.MaxValue)
        {
            state._note = default;
            Array.Clear(state._messages);
            state._stamp = 1;
        }

        var messageCount = request.Messages.Count;
        if (state._messages.Length < messageCount)
        {
            state._messages = new TextAnswers[messageCount];
        }

        return state;
    }

    public static void Return(EvaluationState state)
    {
        state.Engine = null;
        state.Request = null;
        state.ActiveRule = null;
        state._diagnostics.Clear();
        t_cached = state;
    }

    public ulong[] RentFingerprints(int length)
    {
        if (Fingerprints.Length < length)
        {
            Fingerprints = new ulong[Math.Max(length, Fingerprints.Length * 2)];
        }

        return Fingerprints;
    }

    /// <summary>The note's rule lexicons; an absent or blank note holds nothing.</summary>
    public TextScan NoteLexicons() => string.IsNullOrWhiteSpace(Request!.Note) ? default : Lexicons(ref _note, Request.Note);

    public TextScan MessageLexicons(int index) => Lexicons(ref _messages[CheckMessageIndex(index)], Request!.Messages[index].Text);

    public PitchMatch NotePitch() => string.IsNullOrWhiteSpace(Request!.Note) ? PitchMatch.None : Pitch(ref _note, Request.Note);

    public PitchMatch MessagePitch(int index) => Pitch(ref _messages[CheckMessageIndex(index)], Request!.Messages[index].Text);

    private int CheckMessageIndex(int index)
    {
        var count = Request!.Messages.Count;
        return (uint)index < (uint)count
            ? index
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The request has {count} message(s).");
    }

    /// <summary>The small rule lexicons alone: one quick pass, unless a pitch question already read them.</summary>
    private TextScan Lexicons(ref TextAnswers answers, string text)
    {
        if (answers.LexiconsStamp != _stamp)
        {
            answers.Lexicons = TextScanner.RuleLexiconsOnly.Scan(text);
            answers.LexiconsStamp = _stamp;
        }

        return answers.Lexicons;
    }

    /// <summary>
    /// The pitch answer. With the default detector, a text no rule has read yet is scanned once for the pitch lexicon and
    /// every rule lexicon together, so a later lexicon question costs nothing.
    /// </summary>
    private PitchMatch Pitch(ref TextAnswers answers, string text)
    {
        if (answers.PitchStamp != _stamp)
        {
            var scanner = Engine!.Scanner;
            if (scanner.ScoresPitch && answers.LexiconsStamp != _stamp)
            {
                answers.Lexicons = scanner.Scan(text);
                answers.LexiconsStamp = _stamp;
                answers.Pitch = answers.Lexicons.Pitch;
            }
            else
            {
                answers.Pitch = Engine.PitchDetector.Detect(text);
            }

            answers.PitchStamp = _stamp;
        }

        return answers.Pitch;
    }

    public void Report(RuleContext context, ConfiguredRule rule, string? location, object?[] messageArgs)
    {
        var message = rule.Descriptor.FormatMessage(messageArgs);
        string? justification = null;
        foreach (var suppression in rule.Suppressions)
        {
            if (suppression.Predicate.IsMatch(context))
            {
                justification = suppression.Justification;
                break;
            }
        }

        _diagnostics.Add(new Diagnostic(rule.Descriptor, rule.Severity, message, location, justification));
    }
}

/// <summary>The answers about one text in one evaluation, each valid when its stamp is the evaluation's.</summary>
internal struct TextAnswers
{
    public TextScan Lexicons;
    public int LexiconsStamp;
    public PitchMatch Pitch;
    public int PitchStamp;
}
