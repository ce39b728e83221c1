using ConnectionRules.Benchmarks.HandWritten;
using FluentValidation;
using FluentValidation.Results;
using FluentSeverity = FluentValidation.Severity;

namespace ConnectionRules.Benchmarks.Fluent;

/// <summary>
/// The recommended rules as an idiomatic FluentValidation validator: one rule per id with a <c>When</c> condition,
/// the rule id as <see cref="ValidationFailure.ErrorCode"/>, the default severities, and the consistency check (CR0002)
/// gating the others through <c>DependentRules</c>. The checks are <see cref="RequestChecks"/>, the baseline's own, so
/// the validator does the same work; like any validator, each rule computes what it needs for itself.
/// Construct it once: it is immutable and thread-safe.
/// </summary>
public sealed class ConnectionRequestValidator : AbstractValidator<ConnectionRequest>
{
    /// <summary>Creates the validator.</summary>
    public ConnectionRequestValidator(TimeProvider clock, RequestChecks? checks = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        checks ??= new RequestChecks();

        RuleFor(request => request)
            .Must(RequestChecks.IsConsistent)
            .OverridePropertyName("Request")
            .WithErrorCode(RuleIds.InconsistentRequest).WithSeverity(FluentSeverity.Warning).WithMessage("Request data is inconsistent")
            .DependentRules(() =>
            {
                RuleFor(request => request.Note)
                    .Must(checks.IsPersonalNote)
                    .WithErrorCode(RuleIds.MissingNote).WithSeverity(FluentSeverity.Info).WithMessage("No personal note")
                    .When(request => request.AcceptedAt is null && !request.KnownOffline);

                RuleFor(request => request.MutualConnections)
                    .Must((request, _) => !RequestChecks.IsStranger(request))
                    .WithErrorCode(RuleIds.Stranger).WithSeverity(FluentSeverity.Warning).WithMessage("Request from a stranger")
                    .When(request => request.AcceptedAt is null);

                RuleFor(request => request.Note)
                    .Must(note => !checks.Pitch.IsPitch(note))
                    .WithErrorCode(RuleIds.PitchInNote).WithSeverity(FluentSeverity.Error).WithMessage("Sales pitch in the note")
                    .When(request => request.AcceptedAt is null && !string.IsNullOrWhiteSpace(request.Note));

                RuleFor(request => request.Messages)
                    .Must((request, _) => !checks.PitchesWithinWindow(request))
                    .WithErrorCode(RuleIds.ConnectAndSell).WithSeverity(FluentSeverity.Error).WithMessage("Connect-and-sell")
                    .When(request => request.AcceptedAt is not null && !request.KnownOffline);

                RuleFor(request => request.Messages)
                    .Must((request, _) => !checks.PitchesAfterSending(request))
                    .WithErrorCode(RuleIds.BaitAndSwitch).WithSeverity(FluentSeverity.Error).WithMessage("Bait-and-switch")
                    .When(request => checks.IsInvitationNote(request.Note));

                RuleFor(request => request.Messages)
                    .Must((request, _) => !checks.AsksToBeEndorsedBack(request))
                    .WithErrorCode(RuleIds.EndorsementQuidProQuo).WithSeverity(FluentSeverity.Warning).WithMessage("Endorsement quid-pro-quo")
                    .When(request => !request.KnownOffline && request.Endorsements.Count > 0);

                RuleFor(request => request.Messages)
                    .Must(messages => !checks.IsRepetitive(messages))
                    .WithErrorCode(RuleIds.RepetitiveMessaging).WithSeverity(FluentSeverity.Warning).WithMessage("Repetitive messaging");

                RuleFor(request => request.Sender)
                    .Must(sender => !checks.LooksFake(sender, clock.GetUtcNow()))
                    .WithErrorCode(RuleIds.FakeProfile).WithSeverity(FluentSeverity.Error).WithMessage("Likely fake or bought profile");

                RuleFor(request => request.Sender)
                    .Must(sender => !checks.IsMassInviter(sender))
                    .WithErrorCode(RuleIds.MassInviter).WithSeverity(FluentSeverity.Warning).WithMessage("Mass inviter");

                RuleFor(request => request.Sender.Headline)
                    .Must((request, _) => !checks.DeclaresOpenNetworker(request))
                    .WithErrorCode(RuleIds.OpenNetworker).WithSeverity(FluentSeverity.Info).WithMessage("Self-declared open networker");
            });
    }

    /// <summary>The default verdict policy over a validation result: the worst severity, Error declining or disconnecting.</summary>
    public static Verdict VerdictOf(ConnectionRequest request, ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        FluentSeverity? worst = null;
        foreach (var failure in result.Errors)
        {
            // FluentValidation orders its severities the other way round: Error is 0.
            if (worst is null || failure.Severity < worst)
            {
                worst = failure.Severity;
            }
        }

        return worst switch
        {
            FluentSeverity.Error => request.AcceptedAt is null ? Verdict.Decline : Verdict.Disconnect,
            FluentSeverity.Warning => Verdict.Review,
            _ => Verdict.Accept,
        };
    }
}
