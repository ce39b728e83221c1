using System.Globalization;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR2004: repetitive messaging, the same text again and again, or message after message with no reply.</summary>
public sealed class CR2004RepetitiveMessagingTests
{
    private const string Id = "CR2004";
    private const string FollowUp = "Hi Sam, just following up on my previous message about the Rust meetup in Lisbon.";
    private const string ThreeRepeats = "Repetitive messaging: 3 sender messages with the same or nearly the same text";
    private const string FourUnanswered = "Repetitive messaging: 4 sender messages in a row without a reply";

    private static ConnectionRequest AcceptedWith(params Message[] messages) => Requests.Accepted() with { Messages = messages };

    private static Message Sender(int hour, string text) => Requests.FromSender(TimeSpan.FromHours(hour), text);

    private static Message Reply(int hour, string text = "Thanks, I'll have a look.") => Requests.FromRecipient(TimeSpan.FromHours(hour), text);

    /// <summary>Four different sender messages, none of them a pitch.</summary>
    private static readonly string[] Different =
    [
        "Thanks for connecting, see you at the meetup!",
        "Did you see the new schedule for the Lisbon Rust nights?",
        "Are you going to the build systems conference in May?",
        "Let me know what you think about remote caching with Bazel.",
    ];

    [Fact]
    public void three_identical_sender_messages_are_reported_at_the_third()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, FollowUp), Reply(2), Sender(24, FollowUp), Reply(25), Sender(48, FollowUp)));

        Assert.Equal([(Id, "messages[4]", ThreeRepeats)], Reported(evaluation));
    }

    [Fact]
    public void nearly_identical_texts_count_as_the_same()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, FollowUp),
            Reply(2),
            Sender(24, "hi sam -- just following up on my previous message about the Rust meetup in Lisbon!!"),
            Reply(25),
            Sender(48, "Hi Sam, just following up on my earlier message about the Rust meetup in Lisbon.")));

        Assert.Equal([(Id, "messages[4]", ThreeRepeats)], Reported(evaluation));
    }

    [Theory]
    [InlineData("alpha bravo charlie delta echo", true)] // 4 of 5 words shared with the others: 80%, nearly the same
    [InlineData("alpha bravo charlie delta echo foxtrot", false)] // 4 of 6: 67%
    [InlineData("alpha bravo charlie", false)] // 3 of 4: 75%
    public void nearly_the_same_means_at_least_80_percent_of_the_words_shared(string middle, bool repeated)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, "alpha bravo charlie delta"), Reply(2), Sender(24, middle), Reply(25), Sender(48, "Alpha, bravo, charlie, delta.")));

        Assert.Equal(repeated ? [(Id, "messages[4]", ThreeRepeats)] : [], Reported(evaluation));
    }

    // A text of `count` distinct words, each made of the letters of its number (the numbers from `first` on), so that
    // texts of different ranges share no word.
    private static string Words(int first, int count) =>
        string.Join(' ', Enumerable.Range(first, count).Select(n => new string([.. n.ToString("D5", CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0'))])));

    [Theory]
    [InlineData(100)]
    [InlineData(700)] // a fingerprint of 256 bits holds most of its bits for a text this long
    [InlineData(2_000)]
    public void long_texts_with_no_word_in_common_are_not_repeats(int words)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, Words(0, words)), Reply(2), Sender(24, Words(words, words)), Reply(25), Sender(48, Words(2 * words, words))));

        Assert.Empty(Reported(evaluation));
    }

    [Theory]
    [InlineData(720, 90, true)] // 720 words shared of 720 + 2 * 90 = 900 in all: 80%
    [InlineData(719, 90, false)] // 719 of 899: 79.98%
    public void long_texts_are_nearly_the_same_at_80_percent_of_their_words_shared(int shared, int own, bool repeated)
    {
        // Each text has the shared words and `own` words of its own; the first is the middle one's, so the third shares
        // `shared` words with each of the other two.
        var common = Words(0, shared);
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, common + " " + Words(50_000, own)),
            Reply(2),
            Sender(24, common + " " + Words(60_000, own)),
            Reply(25),
            Sender(48, common + " " + Words(70_000, own))));

        Assert.Equal(repeated ? [(Id, "messages[4]", ThreeRepeats)] : [], Reported(evaluation));
    }

    [Fact]
    public void a_conversation_whose_texts_add_up_to_more_words_than_an_array_holds_is_judged()
    {
        // 4,400 sender messages of one 1,000,000-character text: 2.2 billion words at most, which CR2004 once added up
        // before reading the first message, overflowing, and threw.
        var text = string.Join(' ', Enumerable.Repeat("a", 500_000));
        var messages = Enumerable.Range(0, 4_400).Select(i => Sender(i, text)).ToArray();

        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(messages));

        Assert.Equal(
            [(Id, "messages[2]", ThreeRepeats), (Id, "messages[3]", FourUnanswered)],
            Reported(evaluation));
    }

    [Fact]
    public void the_words_of_long_messages_are_kept_only_for_those_still_compared()
    {
        // Sixty long messages with no word in common, each answered, then two repeats of the fifty-ninth: the words of
        // the messages too far back make room for the new ones, and the repeats are still found among those kept.
        var messages = Enumerable.Range(0, 60).SelectMany(i => new[] { Sender(2 * i, Words(i * 1_000, 1_000)), Reply((2 * i) + 1) })
            .Concat([Sender(200, Words(58_000, 1_000)), Reply(201), Sender(202, Words(58_000, 1_000))])
            .ToArray();

        // On a thread of its own, whose scratch space starts empty, so that it fills up.
        Evaluation evaluation = default;
        var thread = new Thread(() => evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(messages)));
        thread.Start();
        thread.Join();

        Assert.Equal([(Id, "messages[122]", ThreeRepeats)], Reported(evaluation));
    }

    [Fact]
    public void many_short_texts_that_share_fewer_than_80_percent_of_their_words_are_not_repeats()
    {
        // Five words of seven in common between any two: 71%. With 256-bit fingerprints alone, the numbers' hashes
        // sometimes fell on the bits of other words and made a pair look the same.
        var messages = Enumerable.Range(0, 400).SelectMany(i => new[]
        {
            Sender(2 * i, $"hello number {i} how are you"),
            Reply((2 * i) + 1),
        });

        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith([.. messages]));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_text_with_letters_beyond_ascii_is_compared_word_for_word_with_plain_ascii_ones()
    {
        // The first two are plain ASCII and the third is not: its words must hash as theirs do, whichever way each is read.
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, FollowUp),
            Reply(2),
            Sender(24, FollowUp.ToUpperInvariant()),
            Reply(25),
            Sender(48, FollowUp.Replace("previous", "prévious", StringComparison.Ordinal) + " \u2014 Zoë")));

        Assert.Equal([(Id, "messages[4]", ThreeRepeats)], Reported(evaluation));
    }

    [Theory]
    [InlineData("\u200B")] // a zero-width space
    [InlineData("\U000E006F")] // a tag character, a surrogate pair
    [InlineData("\uFE0F")] // a variation selector
    public void invisible_characters_inside_words_do_not_make_a_repeat_look_different(string invisible)
    {
        // Invisible characters after every 'o' would split most of the third text's words in two if they were read.
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, FollowUp), Reply(2), Sender(24, FollowUp), Reply(25), Sender(48, FollowUp.Replace("o", "o" + invisible, StringComparison.Ordinal))));

        Assert.Equal([(Id, "messages[4]", ThreeRepeats)], Reported(evaluation));
    }

    [Theory]
    [InlineData(StyledText.Style.SansBold)]
    [InlineData(StyledText.Style.Fullwidth)]
    public void a_repeat_in_bold_or_fullwidth_letters_is_a_repeat(StyledText.Style style)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, FollowUp), Reply(2), Sender(24, FollowUp), Reply(25), Sender(48, StyledText.In(style, FollowUp))));

        Assert.Equal([(Id, "messages[4]", ThreeRepeats)], Reported(evaluation));
    }

    [Fact]
    public void control_characters_are_no_word_whichever_way_a_text_is_read()
    {
        // Read as words, the control characters would make the first text differ too much from the third.
        const string Words = "alpha beta gamma delta";
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, Words + " \u0011\u0012\u0013"), Reply(2), Sender(24, Words), Reply(25), Sender(48, Words + " é")));

        Assert.Equal([(Id, "messages[4]", ThreeRepeats)], Reported(evaluation));
    }

    [Fact]
    public void two_identical_sender_messages_are_not_repetitive()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(Sender(1, FollowUp), Reply(2), Sender(24, FollowUp)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void the_recipients_repeated_texts_are_not_the_senders()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Reply(1, FollowUp), Sender(2, Different[0]), Reply(3, FollowUp), Sender(4, Different[1]), Reply(5, FollowUp)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void three_different_messages_on_one_topic_are_not_repeats()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, Different[0]), Reply(2), Sender(3, Different[1]), Reply(4), Sender(5, Different[2])));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void four_sender_messages_in_a_row_without_a_reply_are_reported_at_the_fourth()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, Different[0]), Sender(24, Different[1]), Sender(48, Different[2]), Sender(72, Different[3])));

        Assert.Equal([(Id, "messages[3]", FourUnanswered)], Reported(evaluation));
    }

    [Fact]
    public void three_sender_messages_in_a_row_are_not_yet_repetitive()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, Different[0]), Sender(24, Different[1]), Sender(48, Different[2])));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_reply_in_between_starts_the_count_again()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, Different[0]), Sender(24, Different[1]), Reply(30), Sender(48, Different[2]), Sender(72, Different[3])));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void the_run_counts_from_the_last_reply()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, Different[0]), Reply(2), Sender(24, Different[1]), Sender(48, Different[2]), Sender(72, Different[3]), Sender(96, FollowUp)));

        Assert.Equal([(Id, "messages[5]", FourUnanswered)], Reported(evaluation));
    }

    [Fact]
    public void repeats_in_a_long_unanswered_run_are_reported_once_each()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, FollowUp), Sender(24, FollowUp), Sender(48, FollowUp), Sender(72, FollowUp), Sender(96, FollowUp)));

        Assert.Equal(
            [(Id, "messages[2]", ThreeRepeats), (Id, "messages[3]", FourUnanswered)],
            Reported(evaluation));
    }

    [Fact]
    public void both_findings_at_one_message_come_in_the_order_the_rule_makes_them_unanswered_first()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Sender(1, Different[0]), Sender(24, FollowUp), Sender(48, FollowUp), Sender(72, FollowUp)));

        Assert.Equal(
            [(Id, "messages[3]", FourUnanswered), (Id, "messages[3]", ThreeRepeats)],
            Reported(evaluation));
    }

    [Fact]
    public void both_thresholds_come_from_the_options()
    {
        var engine = Requests.RecommendedEngine(b => b.Configure(o =>
        {
            o.RepeatedMessageCount = 2;
            o.UnansweredMessageCount = 5;
        }));

        var evaluation = engine.Evaluate(AcceptedWith(
            Sender(1, FollowUp), Sender(24, FollowUp), Sender(48, Different[1]), Sender(72, Different[2])));

        Assert.Equal(
            [(Id, "messages[1]", "Repetitive messaging: 2 sender messages with the same or nearly the same text")],
            Reported(evaluation));
    }

    [Fact]
    public void a_lower_unanswered_threshold_reports_a_shorter_run()
    {
        var engine = Requests.RecommendedEngine(b => b.Configure(o => o.UnansweredMessageCount = 2));

        var evaluation = engine.Evaluate(AcceptedWith(Sender(1, Different[0]), Sender(24, Different[1])));

        Assert.Equal(
            [(Id, "messages[1]", "Repetitive messaging: 2 sender messages in a row without a reply")],
            Reported(evaluation));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        var request = AcceptedWith(Sender(1, FollowUp), Sender(24, FollowUp), Sender(48, FollowUp), Sender(72, FollowUp));

        Configurability.DisableSilences(Id, request);
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Error)]
    public void a_configured_severity_replaces_the_default_warning(Severity severity)
    {
        var request = AcceptedWith(Sender(1, FollowUp), Reply(2), Sender(24, FollowUp), Reply(25), Sender(48, FollowUp));

        Configurability.SetSeverityReplaces(Id, request, Severity.Warning, severity);
    }


    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);
}
