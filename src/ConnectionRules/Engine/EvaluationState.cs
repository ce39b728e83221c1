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

    // Report positions, sorted alongside the result so that ties keep the order they were reported in; reused, like
    // the comparer (a struct would be boxed by the sort on every call).
    private int[] _reportOrder = [];
    private readonly ReportOrder _byReport;

    // What rules asked about the note and each message, computed once per evaluation and only when a rule asks.
    // Stamps tell this evaluation's answers from the previous ones without clearing the arrays.
    private TextAnswers _note;
    private TextAnswers[] _messages = [];
    private int _stamp;

    public EvaluationState() => _byReport = new ReportOrder(_diagnostics);

    public RuleEngine? Engine { get; private set; }

    public ConnectionRequest? Request { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>The rule whose Evaluate is running; reports from any other context are refused.</summary>
    public ConfiguredRule? ActiveRule { get; set; }

    public List<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Gets the rule failures of this evaluation, kept only when the engine has failure handlers; null or empty otherwise.</summary>
    public List<RuleFailure>? Failures => _failures;

    /// <summary>Gets the number of the evaluation in progress on this state, different from the one before it.</summary>
    public int Stamp => _stamp;

    // Scratch space for rules that fingerprint messages (CR2004), reused across evaluations.
    private ulong[] _fingerprints = [];
    private uint[] _wordHashes = [];
    private ulong[] _wordTable = [];

    private List<RuleFailure>? _failures;

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
        state._failures?.Clear();
        t_cached = state;
    }

    /// <summary>
    /// The diagnostics reported, in a new array, by severity descending, then rule id, then location (none first; the
    /// indexes in locations as numbers, messages[2] before messages[10]). Ties
    /// (one rule reporting twice at one place, two rules failing) keep the order they were reported in: rules run in id
    /// order and each reports in its own, so it is the same on every run and from every engine with the same rules, and
    /// it costs nothing, where breaking ties by message would format messages that are otherwise formatted only when read.
    /// </summary>
    public Diagnostic[] SortedDiagnostics()
    {
        var count = _diagnostics.Count;
        if (count == 0)
        {
            return [];
        }

        var sorted = _diagnostics.ToArray();
        if (count > 1)
        {
            var order = AtLeast(ref _reportOrder, count).AsSpan(0, count);
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
            }

            order.Sort(sorted.AsSpan(), _byReport);
        }

        return sorted;
    }

    /// <summary>Scratch space of at least <paramref name="length"/> fingerprints, for rules that fingerprint messages (CR2004).</summary>
    public ulong[] RentFingerprints(int length) => AtLeast(ref _fingerprints, length);

    /// <summary>Scratch space of at least <paramref name="length"/> word hashes, for rules that hash the words of messages (CR2004).</summary>
    public uint[] RentWordHashes(int length) => AtLeast(ref _wordHashes, length);

    /// <summary>Scratch space of at least <paramref name="length"/> table entries, for rules that compare the words of long messages (CR2004).</summary>
    public ulong[] RentWordTable(int length) => AtLeast(ref _wordTable, length);

    // A scratch array kept for the next evaluations: replaced, at least doubling, only when it is too short.
    private static T[] AtLeast<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, array.Length * 2)];
        }

        return array;
    }

    /// <summary>The first phrase of a rule lexicon in the note; an absent or blank note holds none.</summary>
    public bool NoteHas(Lexicon lexicon, out PhraseHit hit)
    {
        hit = default;
        return !string.IsNullOrWhiteSpace(Request!.Note) && Has(ref _note, Request.Note, lexicon, out hit);
    }

    /// <summary>The first phrase of a rule lexicon in a message.</summary>
    public bool MessageHas(int index, Lexicon lexicon, out PhraseHit hit) =>
        Has(ref _messages[CheckMessageIndex(index)], Request!.Messages[index].Text, lexicon, out hit);

    public PitchMatch NotePitch() => string.IsNullOrWhiteSpace(Request!.Note) ? PitchMatch.None : Pitch(ref _note, Request.Note);

    public PitchMatch MessagePitch(int index) => Pitch(ref _messages[CheckMessageIndex(index)], Request!.Messages[index].Text);

    private int CheckMessageIndex(int index)
    {
        var count = Request!.Messages.Count;
        return (uint)index < (uint)count
            ? index
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The request has {count} message(s).");
    }

    /// <summary>
    /// A text not read yet in which a quick search finds none of the lexicon's phrases is left unread: most texts hold
    /// none, and often no other rule asks about them. Otherwise the answer is the scan's.
    /// </summary>
    private bool Has(ref TextAnswers answers, string text, Lexicon lexicon, out PhraseHit hit)
    {
        if (answers.LexiconsStamp != _stamp && !TextScanner.MayContain(lexicon, text))
        {
            hit = default;
            return false;
        }

        return Lexicons(ref answers, text).TryGet(lexicon, out hit);
    }

    /// <summary>
    /// The rule lexicons. With the default detector, the first question about a text scans it once for every lexicon,
    /// the pitch lexicon included, so every later question about it costs nothing.
    /// </summary>
    private TextScan Lexicons(ref TextAnswers answers, string text)
    {
        if (answers.LexiconsStamp != _stamp)
        {
            ScanOnce(ref answers, text);
        }

        return answers.Lexicons;
    }

    private PitchMatch Pitch(ref TextAnswers answers, string text)
    {
        if (answers.PitchStamp != _stamp)
        {
            if (Engine!.Scanner.ScoresPitch)
            {
                ScanOnce(ref answers, text);
            }
            else
            {
                // A detector of the application's own is asked only about the texts a rule asks about.
                answers.Pitch = Detect(Engine.PitchDetector, text);
                answers.PitchStamp = _stamp;
            }
        }

        return answers.Pitch;
    }

    /// <summary>
    /// Asks the application's detector. What it throws is said to be the detector's, in CR0001 and to the failure
    /// handlers, with the original as the inner exception: the rule that asked would otherwise be blamed for it.
    /// </summary>
    private static PitchMatch Detect(IPitchDetector detector, string text)
    {
        try
        {
            return detector.Detect(text);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"The pitch detector {detector.GetType().FullName} threw {exception.GetType().Name}: {exception.Message}", exception);
        }
    }

    private void ScanOnce(ref TextAnswers answers, string text)
    {
        var scanner = Engine!.Scanner;
        answers.Lexicons = scanner.Scan(text);
        answers.LexiconsStamp = _stamp;
        if (scanner.ScoresPitch)
        {
            answers.Pitch = answers.Lexicons.Pitch;
            answers.PitchStamp = _stamp;
        }
    }

    public void Report(RuleContext context, ConfiguredRule rule, string? location, ReadOnlySpan<object?> messageArgs)
    {
        var descriptor = rule.Descriptor;
        descriptor.CheckMessageArgs(messageArgs);
        string? justification = null;
        (Suppression Suppression, Exception Exception)? failed = null;
        foreach (var suppression in rule.Suppressions)
        {
            bool matches;
            try
            {
                matches = suppression.Predicate.IsMatch(context);
            }
            catch (Exception exception)
            {
                // Not the rule's fault: its finding stands, unsuppressed unless another suppression matches.
                failed ??= (suppression, exception);
                continue;
            }

            if (matches)
            {
                justification = suppression.Justification;
                break;
            }
        }

        // The message is formatted when first read, from the diagnostic's own copy of the arguments (the caller may change
        // its array afterwards), unless the format or an argument could change or fail before then.
        _diagnostics.Add(descriptor.FormatsWhenReported || !AreImmutable(messageArgs)
            ? new Diagnostic(descriptor, rule.Severity, descriptor.FormatMessage(messageArgs), location, justification)
            : new Diagnostic(descriptor, rule.Severity, messageArgs, location, justification));
        if (failed is { } failure)
        {
            ReportFailure(rule, failure.Suppression, failure.Exception);
        }
    }

    /// <summary>
    /// Reports as CR0001 (when it is enabled) that <paramref name="rule"/>, or its <paramref name="suppression"/>,
    /// threw: "Rule CR9001 threw ..." or "Rule CR9001 (suppression "...") threw ..."; counts the failure against the
    /// rule; and keeps it for the engine's failure handlers, when it has any (<see cref="Failures"/>).
    /// </summary>
    public void ReportFailure(ConfiguredRule rule, Suppression? suppression, Exception exception)
    {
        RuleEngineMetrics.RecordRuleFailure(rule.Descriptor.Id);
        var failure = new RuleFailure(rule.Descriptor.Id, Request!.Id, suppression?.Justification, exception);
        if (Engine!.HasFailureHandlers)
        {
            (_failures ??= []).Add(failure);
        }

        if (Engine.FailureRule is not { } ruleFailure)
        {
            return;
        }

        ReadOnlySpan<object?> args = failure.MessageArgs;
        if (rule == ruleFailure)
        {
            // One of CR0001's own suppressions threw: asking them again would fail again.
            _diagnostics.Add(new Diagnostic(ruleFailure.Descriptor, ruleFailure.Severity, ruleFailure.Descriptor.FormatMessage(args), null, null));
            return;
        }

        var reporting = ActiveRule;
        ActiveRule = ruleFailure;
        try
        {
            Report(new RuleContext(this, ruleFailure), ruleFailure, null, args);
        }
        finally
        {
            ActiveRule = reporting;
        }
    }

    /// <summary>Compares report positions by the diagnostics reported there, then by position.</summary>
    private sealed class ReportOrder(List<Diagnostic> reported) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var (left, right) = (reported[x], reported[y]);

            // As numbers: Enum.CompareTo takes an object, and would box both severities on every comparison.
            var bySeverity = ((int)right.Severity).CompareTo((int)left.Severity);
            if (bySeverity != 0)
            {
                return bySeverity;
            }

            var byId = string.CompareOrdinal(left.Id, right.Id);
            if (byId != 0)
            {
                return byId;
            }

            var byLocation = CompareLocations(left.Location, right.Location);
            return byLocation != 0 ? byLocation : x.CompareTo(y);
        }

        /// <summary>
        /// Ordinal, but with runs of digits compared as numbers, so that messages[2] comes before messages[10]; no
        /// location comes first.
        /// </summary>
        internal static int CompareLocations(string? left, string? right)
        {
            if (left is null || right is null)
            {
                return string.CompareOrdinal(left, right);
            }

            int i = 0, j = 0;
            while (i < left.Length && j < right.Length)
            {
                if (char.IsAsciiDigit(left[i]) && char.IsAsciiDigit(right[j]))
                {
                    var leftDigits = Digits(left, ref i);
                    var rightDigits = Digits(right, ref j);
                    var byNumber = leftDigits.Length != rightDigits.Length
                        ? leftDigits.Length.CompareTo(rightDigits.Length)
                        : leftDigits.SequenceCompareTo(rightDigits);
                    if (byNumber != 0)
                    {
                        return byNumber;
                    }

                    continue;
                }

                if (left[i] != right[j])
                {
                    return left[i].CompareTo(right[j]);
                }

                i++;
                j++;
            }

            var byLength = (left.Length - i).CompareTo(right.Length - j);
            return byLength != 0 ? byLength : string.CompareOrdinal(left, right);
        }

        // The run of digits at index, without its leading zeros; index moves past the run.
        private static ReadOnlySpan<char> Digits(string text, ref int index)
        {
            var start = index;
            while (index < text.Length && char.IsAsciiDigit(text[index]))
            {
                index++;
            }

            var digits = text.AsSpan(start, index - start);
            return digits.TrimStart('0');
        }
    }

    private static bool AreImmutable(ReadOnlySpan<object?> args)
    {
        foreach (var arg in args)
        {
            if (arg is not (null or string or int or long or double or decimal or bool or char or TimeSpan or DateTimeOffset or DateTime or Enum))
            {
                return false;
            }
        }

        return true;
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
