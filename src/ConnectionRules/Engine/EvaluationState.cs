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

    // Each text is scanned once per evaluation for every lexicon, and only when a rule asks. Stamps tell this
    // evaluation's answers from the previous ones without clearing the arrays.
    private TextScan _noteScan;
    private bool _noteScanKnown;
    private TextScan[] _messageScans = [];
    private int[] _messageScanStamps = [];

    // Answers of a pitch detector other than the default one, which the scan cannot compute.
    private PitchMatch _notePitch;
    private bool _notePitchKnown;
    private PitchMatch[] _messagePitches = [];
    private int[] _messagePitchStamps = [];
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
        state._noteScanKnown = false;
        state._notePitchKnown = false;
        state._stamp++;
        if (state._stamp == int.MaxValue)
        {
            Array.Clear(state._messageScanStamps);
            Array.Clear(state._messagePitchStamps);
            state._stamp = 1;
        }

        var messageCount = request.Messages.Count;
        if (state._messageScans.Length < messageCount)
        {
            state._messageScans = new TextScan[messageCount];
            state._messageScanStamps = new int[messageCount];
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

    /// <summary>The note's scan; an absent or blank note holds nothing.</summary>
    public TextScan NoteScan()
    {
        if (!_noteScanKnown)
        {
            var note = Request!.Note;
            _noteScan = string.IsNullOrWhiteSpace(note) ? default : Engine!.Scanner.Scan(note);
            _noteScanKnown = true;
        }

        return _noteScan;
    }

    public TextScan MessageScan(int index)
    {
        var messages = Request!.Messages;
        if ((uint)index >= (uint)messages.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The request has {messages.Count} message(s).");
        }

        if (_messageScanStamps[index] != _stamp)
        {
            _messageScans[index] = Engine!.Scanner.Scan(messages[index].Text);
            _messageScanStamps[index] = _stamp;
        }

        return _messageScans[index];
    }

    public PitchMatch NotePitch()
    {
        if (Engine!.Scanner.ScoresPitch)
        {
            return NoteScan().Pitch;
        }

        if (!_notePitchKnown)
        {
            var note = Request!.Note;
            _notePitch = string.IsNullOrWhiteSpace(note) ? PitchMatch.None : Engine.PitchDetector.Detect(note);
            _notePitchKnown = true;
        }

        return _notePitch;
    }

    public PitchMatch MessagePitch(int index)
    {
        if (Engine!.Scanner.ScoresPitch)
        {
            return MessageScan(index).Pitch;
        }

        var messages = Request!.Messages;
        if ((uint)index >= (uint)messages.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The request has {messages.Count} message(s).");
        }

        if (_messagePitches.Length < messages.Count)
        {
            _messagePitches = new PitchMatch[messages.Count];
            _messagePitchStamps = new int[messages.Count];
        }

        if (_messagePitchStamps[index] != _stamp)
        {
            _messagePitches[index] = Engine.PitchDetector.Detect(messages[index].Text);
            _messagePitchStamps[index] = _stamp;
        }

        return _messagePitches[index];
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
