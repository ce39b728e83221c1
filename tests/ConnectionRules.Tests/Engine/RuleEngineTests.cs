using System.Diagnostics;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Engine;

/// <summary>The engine's guarantees: clear errors for bad requests, stable order, thread safety, huge inputs, no allocation when clean.</summary>
[Collection(MeasurementCollection.Name)]
public sealed class RuleEngineTests
{
    private static readonly RuleEngine Engine = Requests.RecommendedEngine();

    [Fact]
    public void A_clean_request_is_accepted_without_diagnostics()
    {
        var evaluation = Engine.Evaluate(Requests.Clean());
        Assert.Equal(("req-1", Verdict.Accept), (evaluation.RequestId, evaluation.Verdict));
        Assert.Empty(evaluation.Diagnostics);
    }

    [Fact]
    public void A_null_request_is_rejected_with_the_parameter_name() =>
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => Engine.Evaluate(null!)).ParamName);

    public static TheoryData<string, ConnectionRequest> IncompleteRequests => new()
    {
        { "ConnectionRequest.Id", Requests.Clean() with { Id = null! } },
        { "ConnectionRequest.Id", Requests.Clean() with { Id = " " } },
        { "ConnectionRequest.Sender", Requests.Clean() with { Sender = null! } },
        { "ConnectionRequest.Sender.Name", Requests.Clean() with { Sender = Requests.Clean().Sender with { Name = null! } } },
        { "ConnectionRequest.Sender.Groups", Requests.Clean() with { Sender = Requests.Clean().Sender with { Groups = null! } } },
        { "ConnectionRequest.Recipient.Groups[0]", Requests.Clean() with { Recipient = new MemberProfile { Name = "Sam", Groups = [null!] } } },
        { "ConnectionRequest.Messages", Requests.Clean() with { Messages = null! } },
        { "ConnectionRequest.Messages[1]", Requests.Accepted() with { Messages = [Requests.FromSender(TimeSpan.Zero, "hi"), null!] } },
        { "ConnectionRequest.Messages[0].Text", Requests.Accepted() with { Messages = [Requests.FromSender(TimeSpan.Zero, null!)] } },
        { "ConnectionRequest.Endorsements", Requests.Clean() with { Endorsements = null! } },
    };

    [Theory]
    [MemberData(nameof(IncompleteRequests))]
    public void An_incomplete_request_is_rejected_naming_the_missing_member(string member, ConnectionRequest request)
    {
        var exception = Assert.Throws<ArgumentException>(() => Engine.Evaluate(request));
        Assert.Equal("request", exception.ParamName);
        Assert.StartsWith($"{member} is required but was {(member == "ConnectionRequest.Id" ? "null or blank" : "null")}: set it to ", exception.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, ConnectionRequest> OutOfRangeRequests => new()
    {
        { "ConnectionRequest.MutualConnections is -3, but a count cannot be negative", Requests.Clean() with { MutualConnections = -3 } },
        { "ConnectionRequest.Sender.ConnectionCount is -5, but a count cannot be negative", Requests.Clean() with { Sender = Requests.Clean().Sender with { ConnectionCount = -5 } } },
        { "ConnectionRequest.Recipient.InvitationsSentLastWeek is -1, but a count cannot be negative", Requests.Clean() with { Recipient = new MemberProfile { Name = "Sam", InvitationsSentLastWeek = -1 } } },
        { "ConnectionRequest.Messages[0].Direction is 7, which is not a MessageDirection", Requests.Accepted() with { Messages = [new Message(Requests.SentAt.AddDays(2), "hi", (MessageDirection)7)] } },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeRequests))]
    public void A_value_out_of_its_range_is_rejected_naming_the_member(string problem, ConnectionRequest request)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Evaluate(request));
        Assert.Equal("request", exception.ParamName);
        Assert.StartsWith(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endorsement_without_a_skill_is_rejected_naming_it()
    {
        var request = Requests.Accepted() with { Endorsements = [new Endorsement(Requests.SentAt.AddDays(2), "Go"), new Endorsement(Requests.SentAt.AddDays(2), null!)] };

        var exception = Assert.Throws<ArgumentException>(() => Engine.Evaluate(request));

        Assert.StartsWith("ConnectionRequest.Endorsements[1].Skill is required but was null: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_whose_sent_date_was_never_set_is_rejected_naming_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => Engine.Evaluate(Requests.Clean() with { SentAt = default }));

        Assert.Equal("request", exception.ParamName);
        Assert.StartsWith("ConnectionRequest.SentAt is required but was default(DateTimeOffset), 0001-01-01: set it to when the request was sent.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verdict_policy_that_returns_a_number_no_verdict_has_is_named()
    {
        var engine = new RuleEngineBuilder().UseVerdictPolicy(new CastingPolicy()).Build();

        var exception = Assert.Throws<InvalidOperationException>(() => engine.Evaluate(Requests.Clean()));

        Assert.Equal($"The verdict policy {typeof(CastingPolicy).FullName} returned 42, which is not a Verdict: it must return Accept, Review, Decline or Disconnect.", exception.Message);
    }

    [Fact]
    public void Zero_and_unknown_counts_are_valid()
    {
        var request = Requests.Clean() with { MutualConnections = 0, Sender = Requests.Clean().Sender with { ConnectionCount = null, InvitationsSentLastWeek = 0 } };

        Assert.Equal("req-1", Engine.Evaluate(request).RequestId);
    }

    [Fact]
    public void A_context_saved_past_its_evaluation_refuses_to_be_read_or_reported_to()
    {
        var rule = new SavesContext();
        var engine = new RuleEngineBuilder().AddRule(rule).Build();
        engine.Evaluate(Requests.Clean());
        engine.Evaluate(Requests.Clean() with { Id = "req-2" });

        const string Expected = "Rule ACME001's context was used after its evaluation was over";
        Assert.StartsWith(Expected, Assert.Throws<InvalidOperationException>(() => rule.Saved.Request).Message, StringComparison.Ordinal);
        Assert.StartsWith(Expected, Assert.Throws<InvalidOperationException>(() => rule.Saved.Report()).Message, StringComparison.Ordinal);
        Assert.StartsWith(Expected, Assert.Throws<InvalidOperationException>(() => rule.Saved.Now).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_saved_from_an_earlier_evaluation_refuses_even_while_its_rule_runs_again()
    {
        var rule = new ReadsItsPreviousContext();
        var engine = new RuleEngineBuilder().AddRule(rule).Build();
        engine.Evaluate(Requests.Clean());

        engine.Evaluate(Requests.Clean() with { Id = "req-2" });

        Assert.StartsWith("Rule ACME002's context was used after its evaluation was over", rule.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_come_worst_first_then_by_id_then_by_location()
    {
        var request = Requests.Clean() with
        {
            Note = "Hi, I'm a LION. We help startups cut cloud costs: free consultation this week?",
            MutualConnections = 0,
            Recipient = null,
            Sender = Requests.Clean().Sender with { Headline = "Open networker", HasPhoto = false, ConnectionCount = 3, InvitationsSentLastWeek = 400 },
        };

        var diagnostics = Engine.Evaluate(request).Diagnostics;

        Assert.Equal(
            [("CR1003", Severity.Error), ("CR3001", Severity.Error), ("CR1002", Severity.Warning), ("CR3002", Severity.Warning), ("CR3003", Severity.Info)],
            diagnostics.Select(d => (d.Id, d.Severity)));
    }

    [Fact]
    public void Many_threads_sharing_one_engine_get_the_same_answers()
    {
        var requests = Enumerable.Range(0, 200).Select(i => (i % 4) switch
        {
            0 => Requests.Clean() with { Id = $"r{i}" },
            1 => Requests.Clean() with { Id = $"r{i}", Note = null, MutualConnections = 0, Recipient = null },
            2 => Requests.Accepted() with { Id = $"r{i}", Messages = [Requests.FromSender(TimeSpan.FromHours(i % 90), "We help startups cut cloud costs. Free consultation?")] },
            _ => Requests.Clean() with { Id = $"r{i}", Note = "Our agency offers lead generation services." },
        }).ToArray();
        var expected = requests.Select(r => Engine.Evaluate(r)).ToArray();

        var results = new Evaluation[16][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t => results[t] = requests.Select(r => Engine.Evaluate(r)).ToArray());

        foreach (var run in results)
        {
            Assert.Equal(expected, run);
        }
    }

    [Fact]
    public void Huge_inputs_evaluate_in_well_under_a_second()
    {
        var megabyteNote = string.Concat(Enumerable.Repeat("Great talk on build caching at the meetup, thanks for sharing! ", 16_500));
        var tenThousandMessages = Enumerable.Range(0, 10_000)
            .Select(i => i % 2 == 0
                ? Requests.FromSender(TimeSpan.FromMinutes(i), $"Message {i}: here is the benchmark link {i * 7919} about cache keys, and topic {i % 97}.")
                : Requests.FromRecipient(TimeSpan.FromMinutes(i), $"Reply {i}: thanks!"))
            .ToArray();
        var request = Requests.Accepted() with { Note = megabyteNote, Messages = tenThousandMessages };
        Engine.Evaluate(Requests.Accepted() with { Messages = tenThousandMessages[..10] });

        var stopwatch = Stopwatch.StartNew();
        var evaluation = Engine.Evaluate(request);
        stopwatch.Stop();

        Assert.True(megabyteNote.Length > 1_000_000);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"Took {stopwatch.Elapsed.TotalMilliseconds:F0} ms.");
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Id == RuleIds.RuleFailure);
    }

    [Fact]
    public void A_clean_evaluation_allocates_nothing()
    {
        var request = Requests.Accepted() with
        {
            Messages =
            [
                Requests.FromSender(TimeSpan.FromHours(1), "Thanks for connecting! Loved your talk on build caching."),
                Requests.FromRecipient(TimeSpan.FromHours(2), "Thank you, glad it was useful."),
                Requests.FromSender(TimeSpan.FromHours(3), "Here is the repository I mentioned: it has the cache key experiments."),
            ],
            Endorsements = [new Endorsement(Requests.SentAt.AddDays(2), "Rust")],
        };

        AssertCleanAndAllocatingNothing(request);
    }

    [Theory]
    [InlineData("Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup. Would love to stay in touch.")]
    [InlineData("Hi Sam, I\u2019d like to hear more about your talk at the Lisbon meetup. Café next week?")]
    [InlineData("Hi Sam, we met at the Lisbon meet\u00ADup. Would love to stay in touch.")]
    [InlineData("Hi Sam,\n\nwe met at the Lisbon meetup.\u00A0 Would love to stay in touch.")]
    public void A_clean_pending_evaluation_allocates_nothing_whatever_characters_its_note_holds(string note)
    {
        // The note rules ask a quick search first, which looks for the characters the full scan reads differently.
        AssertCleanAndAllocatingNothing(Requests.Clean() with { Note = note });
    }

    // Warmed up, so that what the first evaluations make once (scratch space, shared texts) is made.
    private static void AssertCleanAndAllocatingNothing(ConnectionRequest request)
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Empty(Engine.Evaluate(request).Diagnostics);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var evaluation = Engine.Evaluate(request);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(Verdict.Accept, evaluation.Verdict);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Evaluation_ToString_explains_the_verdict()
    {
        var engine = Requests.RecommendedEngine(b => b.Suppress("CR1001", Predicates.Custom("Invited at an event", r => r.Id == "req-42"), "Met at the booth, no time for a note"));
        var request = Requests.Clean() with
        {
            Id = "req-42",
            Note = null,
            MutualConnections = 0,
            Recipient = null,
            Sender = Requests.Clean().Sender with { Headline = "LION | 28K connections", HasPhoto = false, MemberSince = Requests.Now.AddDays(-12) },
        };

        Snapshot.Verify(string.Join(Environment.NewLine + Environment.NewLine, Engine.Evaluate(Requests.Clean()).ToString(), engine.Evaluate(request).ToString()));
    }

    [Fact]
    public void Rule_ids_are_looked_up_in_any_case_as_the_builder_and_configuration_take_them() =>
        Assert.Equal(Severity.Error, Requests.RecommendedEngine(b => b.SetSeverity("cr1001", Severity.Error)).GetSeverity("cr1001"));

    [Fact]
    public void A_message_reads_as_the_arguments_were_when_reported_even_if_the_rule_changes_them_afterwards()
    {
        var rule = new MutatingRule();
        var engine = new RuleEngineBuilder().AddRule(rule).Build();

        var evaluation = engine.Evaluate(Requests.Clean());

        Assert.Equal(
            ["Counted 1 and saw 'before' and 'before'", "Counted 1 and saw 'before' and 'values only'"],
            evaluation.Diagnostics.Select(d => d.Message).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_message_of_one_or_two_arguments_reads_as_they_were_when_reported(int count)
    {
        var engine = new RuleEngineBuilder().AddRule(new ShortMutatingRule(count)).Build();

        var evaluation = engine.Evaluate(Requests.Clean());

        Assert.Equal(count == 1 ? "Saw 'before'" : "Saw 'before' and 'before'", Assert.Single(evaluation.Diagnostics).Message);
    }

    [Fact]
    public void A_report_with_fewer_arguments_than_the_message_needs_fails_the_rule_when_reported_not_when_read()
    {
        var engine = new RuleEngineBuilder().AddRule(new ShortReportRule()).Build();

        var evaluation = engine.Evaluate(Requests.Clean());

        var failure = Assert.Single(evaluation.Diagnostics);
        Assert.Equal("CR0001", failure.Id);
        Assert.Contains("TEST004", failure.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ArgumentException), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locations_with_indexes_are_ordered_by_the_indexes_as_numbers()
    {
        string?[] locations = ["messages[10]", "messages[2]", null, "note", "messages[1]", "endorsements[0]", "messages[02]", "messages[10].text", "messages[9]"];
        var engine = new RuleEngineBuilder().AddRule(new ReportsAt(locations)).Build();

        var evaluation = engine.Evaluate(Requests.Clean());

        Assert.Equal(
            [null, "endorsements[0]", "messages[1]", "messages[02]", "messages[2]", "messages[9]", "messages[10]", "messages[10].text", "note"],
            evaluation.Diagnostics.Select(d => d.Location));
    }

    /// <summary>Reports once at each of the locations, in their order.</summary>
    private sealed class ReportsAt(string?[] locations) : ConnectionRule
    {
        private static readonly RuleDescriptor Rule = new("TEST005", "Everywhere", "Here", "Tests", Severity.Warning);

        public override RuleDescriptor Descriptor => Rule;

        public override void Evaluate(RuleContext context)
        {
            foreach (var location in locations)
            {
                context.Report(location);
            }
        }
    }

    /// <summary>Reports one argument to a message that needs two.</summary>
    private sealed class ShortReportRule : ConnectionRule
    {
        private static readonly RuleDescriptor Rule = new("TEST004", "Short", "Saw '{0}' and '{1}'", "Tests", Severity.Warning);

        public override RuleDescriptor Descriptor => Rule;

        public override void Evaluate(RuleContext context) => context.Report("a", "only one");
    }

    /// <summary>Reports one or two values from an array it changes right after reporting.</summary>
    private sealed class ShortMutatingRule(int count) : ConnectionRule
    {
        private static readonly RuleDescriptor One = new("TEST002", "Mutating", "Saw '{0}'", "Tests", Severity.Warning);
        private static readonly RuleDescriptor Two = new("TEST003", "Mutating", "Saw '{0}' and '{1}'", "Tests", Severity.Warning);

        public override RuleDescriptor Descriptor => count == 1 ? One : Two;

        public override void Evaluate(RuleContext context)
        {
            object?[] values = count == 1 ? ["before"] : ["before", "before"];
            context.Report("a", values);
            values[0] = "after";
            values[^1] = "after";
        }
    }

    /// <summary>Reports with an array and a mutable object it changes right after reporting.</summary>
    private sealed class MutatingRule : ConnectionRule
    {
        private static readonly RuleDescriptor Rule = new("TEST001", "Mutating", "Counted {0} and saw '{1}' and '{2}'", "Tests", Severity.Warning);

        public override RuleDescriptor Descriptor => Rule;

        public override void Evaluate(RuleContext context)
        {
            // Only values: the message is formatted when read, from a copy of the arguments.
            object?[] values = [1, "before", "values only"];
            context.Report("a", values);
            values[0] = 2;
            values[1] = "after";

            // A mutable object: the message is formatted at once.
            var builder = new System.Text.StringBuilder("before");
            object?[] args = [1, "before", builder];
            context.Report("b", args);
            args[0] = 2;
            args[1] = "after";
            builder.Clear().Append("after");
        }
    }

    /// <summary>A rule that keeps the context it was given, as a rule must not.</summary>
    private sealed class SavesContext : ConnectionRule
    {
        public override RuleDescriptor Descriptor { get; } = new("ACME001", "Saves its context", "Never reported", "Testing", Severity.Warning);

        public RuleContext Saved { get; private set; }

        public override void Evaluate(RuleContext context) => Saved = context;
    }

    /// <summary>A rule that reads, on each call, the context of its call before.</summary>
    private sealed class ReadsItsPreviousContext : ConnectionRule
    {
        private RuleContext? _previous;

        public override RuleDescriptor Descriptor { get; } = new("ACME002", "Reads its previous context", "Never reported", "Testing", Severity.Warning);

        public InvalidOperationException? Failure { get; private set; }

        public override void Evaluate(RuleContext context)
        {
            try
            {
                _ = _previous?.Request;
            }
            catch (InvalidOperationException exception)
            {
                Failure = exception;
            }

            _previous = context;
        }
    }

    private sealed class CastingPolicy : IVerdictPolicy
    {
        public Verdict Decide(ConnectionRequest request, IReadOnlyList<Diagnostic> diagnostics) => (Verdict)42;
    }
}
