namespace ConnectionRules.Benchmarks.HandWritten;

/// <summary>
/// The baseline: the recommended rules as one hand-written if-chain, what a competent engineer writes without a rule
/// engine. Same checks, same phrase lists, same default severities and verdict policy as the engine; cheap facts are
/// tested before text is scanned, each text is scanned at most once per lexicon, nothing is allocated. It answers
/// with the verdict and the ids of the rules that fire, not with formatted diagnostics.
/// </summary>
public sealed class HandWrittenRules
{
    private const RuleIdSet Errors = RuleIdSet.CR1003 | RuleIdSet.CR2001 | RuleIdSet.CR2002 | RuleIdSet.CR3001;
    private const RuleIdSet Warnings = RuleIdSet.CR0002 | RuleIdSet.CR1002 | RuleIdSet.CR2003 | RuleIdSet.CR2004 | RuleIdSet.CR3002;

    private readonly TimeProvider _clock;
    private readonly RequestChecks _checks;

    /// <summary>Creates the baseline over <paramref name="checks"/>, by default with the engine's default tunables.</summary>
    public HandWrittenRules(TimeProvider clock, RequestChecks? checks = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _checks = checks ?? new RequestChecks();
    }

    /// <summary>Judges one request.</summary>
    public HandWrittenVerdict Evaluate(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _clock.GetUtcNow();
        if (!RequestChecks.IsConsistent(request))
        {
            return new HandWrittenVerdict(Verdict.Review, RuleIdSet.CR0002);
        }

        var found = RuleIdSet.None;
        var checks = _checks;
        var note = request.Note;
        var pending = request.AcceptedAt is null;
        bool? notePitch = null;
        if (pending)
        {
            if (!request.KnownOffline && !checks.IsPersonalNote(note))
            {
                found |= RuleIdSet.CR1001;
            }

            if (RequestChecks.IsStranger(request))
            {
                found |= RuleIdSet.CR1002;
            }

            if (!string.IsNullOrWhiteSpace(note))
            {
                notePitch = checks.Pitch.IsPitch(note);
                if (notePitch.Value)
                {
                    found |= RuleIdSet.CR1003;
                }
            }
        }

        found |= JudgeMessages(request, note, pending, notePitch);

        if (checks.LooksFake(request.Sender, now))
        {
            found |= RuleIdSet.CR3001;
        }

        if (checks.IsMassInviter(request.Sender))
        {
            found |= RuleIdSet.CR3002;
        }

        if (checks.DeclaresOpenNetworker(request))
        {
            found |= RuleIdSet.CR3003;
        }

        var verdict = (found & Errors) != 0 ? (pending ? Verdict.Decline : Verdict.Disconnect)
            : (found & Warnings) != 0 ? Verdict.Review
            : Verdict.Accept;
        return new HandWrittenVerdict(verdict, found);
    }

    /// <summary>CR2001 to CR2004. One pass pitch-scans each sender message at most once for both CR2001 and CR2002.</summary>
    private RuleIdSet JudgeMessages(ConnectionRequest request, string? note, bool pending, bool? notePitch)
    {
        var checks = _checks;
        var messages = request.Messages;
        var found = RuleIdSet.None;
        var acceptedAt = request.AcceptedAt.GetValueOrDefault();
        var connectAndSell = !pending && !request.KnownOffline;

        // A note already scanned as a pitch is no bait; otherwise the smaller invitation lexicon goes first.
        var baitAndSwitch = notePitch != true && note is not null && checks.Invitation.Contains(note) && !(notePitch ?? checks.Pitch.IsPitch(note));
        for (var i = 0; i < messages.Count && (connectAndSell || baitAndSwitch); i++)
        {
            var message = messages[i];
            if (message.Direction != MessageDirection.FromSender)
            {
                continue;
            }

            var inWindow = connectAndSell && message.SentAt >= acceptedAt && message.SentAt - acceptedAt <= checks.PitchWindow;
            var afterSending = baitAndSwitch && message.SentAt > request.SentAt;
            if ((inWindow || afterSending) && checks.Pitch.IsPitch(message.Text))
            {
                if (inWindow)
                {
                    found |= RuleIdSet.CR2001;
                    connectAndSell = false;
                }

                if (afterSending)
                {
                    found |= RuleIdSet.CR2002;
                    baitAndSwitch = false;
                }
            }
        }

        if (!request.KnownOffline && checks.AsksToBeEndorsedBack(request))
        {
            found |= RuleIdSet.CR2003;
        }

        if (checks.IsRepetitive(messages))
        {
            found |= RuleIdSet.CR2004;
        }

        return found;
    }
}

/// <summary>The baseline's answer: the verdict and the rules that fired.</summary>
/// <param name="Verdict">The verdict, by the default policy.</param>
/// <param name="Rules">The rules that fired.</param>
public readonly record struct HandWrittenVerdict(Verdict Verdict, RuleIdSet Rules);

/// <summary>A set of the recommended rules' ids, one bit each.</summary>
[Flags]
public enum RuleIdSet
{
    /// <summary>No rule.</summary>
    None = 0,

    /// <summary>Inconsistent request data.</summary>
    CR0002 = 1 << 0,

    /// <summary>No personal note.</summary>
    CR1001 = 1 << 1,

    /// <summary>Stranger.</summary>
    CR1002 = 1 << 2,

    /// <summary>Pitch in the note.</summary>
    CR1003 = 1 << 3,

    /// <summary>Connect-and-sell.</summary>
    CR2001 = 1 << 4,

    /// <summary>Bait-and-switch.</summary>
    CR2002 = 1 << 5,

    /// <summary>Endorsement quid-pro-quo.</summary>
    CR2003 = 1 << 6,

    /// <summary>Repetitive messaging.</summary>
    CR2004 = 1 << 7,

    /// <summary>Fake or bought profile.</summary>
    CR3001 = 1 << 8,

    /// <summary>Mass inviter.</summary>
    CR3002 = 1 << 9,

    /// <summary>Open networker.</summary>
    CR3003 = 1 << 10,
}
