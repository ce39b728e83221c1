using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR1001: a pending request with no personal note, from someone the recipient has not met.</summary>
public sealed class CR1001MissingNoteTests
{
    private const string Id = "CR1001";
    private const string NoNote = "No personal note: the request came without a note";
    private const string Blank = "No personal note: the note is blank";
    private const string Stock = "No personal note: the note is LinkedIn's stock invitation text";

    public static TheoryData<string?, string> NotesThatAreNotPersonal => new()
    {
        { null, NoNote },
        { "", Blank },
        { "   ", Blank },
        { "\n\t ", Blank },
        { new string('\u200B', 50), Blank }, // zero-width spaces
        { "\u200E\u2060\uFEFF \u200B", Blank }, // a direction mark, a word joiner, a byte order mark
        { new string('\0', 50), Blank },
        { new string('\u0301', 50), Blank }, // combining accents with no letter to sit on
        { "\U000E0048\U000E0069 \uFE0F", Blank }, // tag characters (surrogate pairs), a variation selector
        { "I'd like to add you to my professional network on LinkedIn.", Stock },
        { "I’d like to add you to my professional network on LinkedIn.", Stock },
        { "I'd like to add you to my professional network.", Stock },
        { "I would like to add you to my professional network on LinkedIn", Stock },
        { "i'd like to add you to my professional network on linkedin.", Stock },
        { "Hi Sam, I'd like to add you to my professional network on LinkedIn.", Stock },
        { "Hi Sam, I'd like to add you to my professional network on LinkedIn. Best, Dana", Stock },
        { "  Hi Sam,\n\nI’d like to join your LinkedIn network.\n\n- Dana  ", Stock },
        { "Let's connect!", Stock },

        // Invisible characters hide nothing: a zero-width space, a soft hyphen, a zero-width joiner inside the words.
        { "I'd like to add you to my pro\u200Bfessional network", Stock },
        { "I'd like to add you to my profes\u00ADsional net\u200Dwork on LinkedIn.", Stock },
        { "H\u200Bi Sam, I'd like to con\u200Bnect. Be\u200Bst, Dana", Stock },
        { "I'd like to add you to my pro\U000E0020fessional net\uFE0Fwork", Stock }, // a tag space, a variation selector

        // Nor do bold or fullwidth letters, in the stock text or in the greeting and sign-off around it.
        { StyledText.In(StyledText.Style.SansBold, "Hi") + " Sam, " + StyledText.In(StyledText.Style.SansBold, "I'd like to connect"), Stock },
        { StyledText.In(StyledText.Style.Fullwidth, "Let's connect!") + " Best regards, Dana", Stock },

        // Nor does other white space between the words: a line break, two spaces, no-break spaces.
        { "Hi Sam,\n\nI'd like to add you to my\nprofessional  network on\u00A0LinkedIn.", Stock },
        { "Let's\u00A0connect!", Stock },

        // Invisible characters do not split the words of a greeting or a sign-off into more words than they allow.
        { "Hi Sam Or\u200Btega, I'd like to connect.", Stock },
        { "I'd like to connect. Best regards, Dana Whit\u00ADfield", Stock },
    };

    public static TheoryData<string> PersonalNotes => new()
    {
        "Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup. Would love to stay in touch.",
        "Thanks for connecting, see you at the meetup!",
        "I'd like to add you to my professional network on LinkedIn. We met at the Lisbon Rust meetup last week and talked about build caching.",
        "Hi Sam, we sat together at the Kubernetes workshop on Tuesday. I'd like to connect with you on LinkedIn to keep swapping notes on Bazel.",
        "\u200BThanks for the tip on remote caching at the meetup\u0301!",

        // A sentence of the sender's own in bold is four words before the stock text, not none.
        StyledText.In(StyledText.Style.SansBold, "We met at KubeCon") + ", I'd like to connect.",
    };

    [Theory]
    [MemberData(nameof(NotesThatAreNotPersonal))]
    public void a_pending_request_without_a_personal_note_is_reported_at_the_note(string? note, string message)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { Note = note });

        Assert.Equal([(Id, "note", message)], Reported(evaluation));
    }

    [Theory]
    [MemberData(nameof(PersonalNotes))]
    public void a_personal_note_is_not_reported(string note)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { Note = note });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_stock_text_followed_by_a_short_personal_sentence_is_a_personal_note()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with
        {
            Note = "I'd like to connect with you on LinkedIn. Loved your Rust talk!",
        });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_missing_note_on_an_otherwise_clean_request_is_the_only_finding_and_only_informs()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { Note = null });

        var diagnostic = Assert.Single(evaluation.Diagnostics);
        Assert.Equal(Id, diagnostic.Id);
        Assert.Equal(Severity.Info, diagnostic.Severity);
        Assert.Equal(Verdict.Accept, evaluation.Verdict);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("I'd like to add you to my professional network on LinkedIn.")]
    public void a_sender_known_offline_needs_no_note(string? note)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { Note = note, KnownOffline = true });

        Assert.Empty(Reported(evaluation));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("I'd like to add you to my professional network on LinkedIn.")]
    public void an_accepted_request_is_no_longer_judged_on_its_note(string? note)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Accepted() with { Note = note });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        var request = Requests.Clean() with { Note = null };

        Configurability.DisableSilences(Id, request);
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Warning)]
    [InlineData(Severity.Error)]
    public void a_configured_severity_replaces_the_default_info(Severity severity)
    {
        var request = Requests.Clean() with { Note = null };

        Configurability.SetSeverityReplaces(Id, request, Severity.Info, severity);
    }


    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);
}
