namespace ConnectionRules.Benchmarks;

/// <summary>
/// Fluent rules of the kind a CRM adds to the recommended ones, built with <see cref="Predicates"/>: ten templates with
/// different parameters, none of which fires on the clean shapes, some of which reuse the pitch answers the engine
/// already has and some of which scan the note again.
/// </summary>
public static class CustomRules
{
    /// <summary>Adds <paramref name="count"/> custom rules, ACME001 onwards.</summary>
    public static RuleEngineBuilder Add(RuleEngineBuilder builder, int count)
    {
        ArgumentNullException.ThrowIfNull(builder);
        for (var i = 1; i <= count; i++)
        {
            var predicate = Predicate(i);
            builder.AddRule($"ACME{i:D3}", rule => rule
                .WithTitle($"Custom rule {i}")
                .WithCategory("Acme")
                .WithSeverity(i % 3 == 0 ? Severity.Warning : Severity.Info)
                .ReportWhen(predicate));
        }

        return builder;
    }

    private static RequestPredicate Predicate(int i)
    {
        switch (i % 10)
        {
            case 0:
                return Predicates.HeadlineContains("recruiter", $"talent partner {i}") & !Predicates.NoteContains("role", "position");
            case 1:
                return Predicates.NoteContains($"crypto {i}", "bitcoin", "forex");
            case 2:
                return Predicates.SenderConnectionsBelow(5) & !Predicates.KnownOffline;
            case 3:
                return Predicates.AccountYoungerThan(TimeSpan.FromDays(7 + i)) & !Predicates.HasMutualConnections();
            case 4:
                return Predicates.PitchInNote & !Predicates.SharedGroup;
            case 5:
                return Predicates.PitchWithin(TimeSpan.FromHours(1 + i)) & !Predicates.IntroducedByConnection;
            case 6:
                return Predicates.SenderConnectionsAtLeast(50_000 + i) | Predicates.HeadlineContains($"growth hacker {i}");
            case 7:
                return !Predicates.HasMutualConnections() & !Predicates.SharedGroup & !Predicates.KnownOffline;
            case 8:
                var blocked = $"Blocked sender {i}";
                return Predicates.Custom(blocked, request => string.Equals(request.Sender.Name, blocked, StringComparison.Ordinal));
            default:
                return Predicates.Accepted & !Predicates.HasPersonalNote;
        }
    }
}
