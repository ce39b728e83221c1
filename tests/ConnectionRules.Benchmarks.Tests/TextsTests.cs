using ConnectionRules.Benchmarks.HandWritten;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks.Tests;

/// <summary>
/// The clean texts stay clean whatever the lexicons become: when a lexicon grows a phrase that a clean sentence holds,
/// this names the sentence, rather than leaving a benchmark setup to fail on a whole request.
/// </summary>
public sealed class TextsTests
{
    private static readonly RequestChecks Checks = new();

    // Strong and weak entries only: a counter phrase in a clean sentence is harmless.
    private static readonly PitchScorer SalesSignals = new(DefaultPitchDetector.BuiltInStrongPhrases, DefaultPitchDetector.BuiltInWeakPhrases, []);

    public static TheoryData<string> CleanSentences() => new(Texts.CleanSentences);

    [Theory]
    [MemberData(nameof(CleanSentences))]
    public void A_clean_sentence_holds_no_phrase_any_rule_looks_for(string sentence)
    {
        Assert.Equal(0, SalesSignals.Score(sentence).Entries);
        Assert.False(Checks.Invitation.Contains(sentence), "invitation");
        Assert.False(Checks.EndorseBack.Contains(sentence), "endorse back");
        Assert.False(Checks.DeclaresOpenNetworker(sentence), "open networker");
        Assert.False(Checks.StockInvitation.Contains(sentence), "stock invitation");
    }

    [Fact]
    public void The_clean_notes_are_personal_and_only_the_invitation_invites()
    {
        Assert.True(Checks.IsPersonalNote(Texts.ShortPersonalNote));
        Assert.True(Checks.IsPersonalNote(Texts.PersonalNote));
        Assert.True(Checks.IsInvitationNote(Texts.InvitationNote));
        Assert.False(Checks.Invitation.Contains(Texts.PersonalNote));
        Assert.False(Checks.Invitation.Contains(Texts.ShortPersonalNote));
        Assert.InRange(Texts.InvitationNote.Length, 180, 240);
        Assert.InRange(Texts.PersonalNote.Length, 180, 240);
    }

    [Theory]
    [InlineData(Texts.PitchMessage)]
    [InlineData(Texts.FollowUp)]
    [InlineData(Texts.SecondFollowUp)]
    [InlineData(Texts.PitchNote)]
    public void The_pitches_are_pitches(string text) => Assert.True(DefaultPitchDetector.Instance.Detect(text).IsPitch);

    [Fact]
    public void Conversation_texts_are_about_as_long_as_asked_and_differ_from_their_neighbours()
    {
        var texts = Enumerable.Range(0, 500).Select(i => Texts.Conversation(i, 150)).ToList();
        Assert.All(texts, t => Assert.InRange(t.Length, 100, 220));
        for (var i = 0; i < texts.Count; i++)
        {
            // CR2004 compares a sender message with the 31 before it: in an alternating conversation, 62 messages back.
            Assert.DoesNotContain(texts[i], texts.Skip(Math.Max(0, i - 64)).Take(Math.Min(i, 64)));
        }
    }
}
