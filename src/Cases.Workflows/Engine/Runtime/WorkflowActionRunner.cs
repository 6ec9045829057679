using System.Text.Json;
using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using FluentValidation;
using FluentValidation.Results;

namespace Cases.Workflows.Engine.Runtime;

/// <summary>
/// Applies one transition of a case's pinned workflow version, for a person (whose roles are
/// checked) or for the procedure itself (a time limit's expiry). In order: the action exists in
/// the workflow (404); the caller has a role it allows (403); the case is in a state it may be
/// taken from (409, never a silent no-op); the payload is well formed (400); every guard holds
/// (422, all broken ones listed). Then the case moves and the outbox messages are added; the
/// caller's SaveChanges stores them with the timeline entry and clock operations.
/// </summary>
public sealed class WorkflowActionRunner(CasesDbContext database, WorkflowCatalog workflows, IWorkflowFacts facts, KnownCentreCodes centres, TimeProvider time)
{
    /// <summary>A payload field called <c>reason</c> becomes the timeline entry's reason.</summary>
    public const string ReasonField = "reason";

    /// <param name="authorise">Checks the caller against the roles the action allows; null when the procedure itself acts.</param>
    /// <param name="reason">Why, for the timeline entry, when the payload gives no reason (e.g. which time limit expired).</param>
    /// <returns>The timeline entry the action recorded.</returns>
    public async Task<CaseEvent> TakeAsync(
        Case @case,
        string action,
        IReadOnlyDictionary<string, JsonElement>? payloadValues,
        Actor actor,
        Action<IReadOnlyCollection<Role>, string>? authorise,
        CancellationToken cancellationToken,
        string? reason = null)
    {
        var definition = workflows.Get(@case.Workflow);
        var candidates = definition.Transitions.Where(transition => transition.Action == action).ToList();
        if (candidates.Count == 0)
        {
            throw new NotFoundException("Action", $"{action}' of workflow '{definition}");
        }

        if (!definition.TryGetTransition(@case.State.Name, action, out var transition))
        {
            authorise?.Invoke([.. candidates.SelectMany(candidate => candidate.Roles).Distinct()], $"Action '{action}'");
            throw new CaseActionNotAllowedException(@case.Id, action, @case.State, candidates.SelectMany(candidate => candidate.From).Distinct().Select(state => new CaseState(state)));
        }

        authorise?.Invoke(transition.Roles, $"Action '{action}'");
        var payload = ActionPayloadReader.Read(transition, payloadValues);
        await EnsureCentresExistAsync(transition, payload, cancellationToken);

        var now = time.GetUtcNow();
        var context = new GuardContext(@case, payload, now, facts);
        var broken = new List<IBusinessRule>();
        foreach (var guard in transition.Guards)
        {
            var rule = await guard.Rule(context, cancellationToken);
            if (rule.IsBroken())
            {
                broken.Add(rule);
            }
        }

        if (broken.Count > 0)
        {
            throw new BusinessRuleValidationException(broken);
        }

        var sendingCentre = @case.HandlingCentre;
        @case.TakeStep(StepOf(definition, transition, payload, reason), actor, now);
        var recorded = @case.RecordedEvents[^1];
        foreach (var message in transition.Sends)
        {
            database.Outbox.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(now),
                CaseId = @case.Id.Value,
                Sequence = recorded.Sequence,
                Type = message.Type,
                Recipient = RecipientOf(message.Recipient, payload, sendingCentre),
                Payload = JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["caseId"] = @case.Id.Value,
                    ["number"] = @case.Number.ToString(),
                    ["from"] = sendingCentre.Value,
                    ["action"] = transition.Action,
                    ["event"] = recorded.Type,
                    ["payload"] = payload.Values,
                }),
                OccurredAt = now,
            });
        }

        return recorded;
    }

    /// <summary>What the case is asked to do: the transition, plus the clocks entering its target state starts.</summary>
    private static CaseStep StepOf(WorkflowDefinition definition, TransitionDefinition transition, ActionPayload payload, string? reason)
    {
        var clocks = transition.Clocks.ToList();
        if (transition.To is { } target && definition.TryGetState(target, out var state))
        {
            clocks.AddRange(state.OnEnter);
        }

        var values = payload.Values.Where(value => value.Key != ReasonField).ToDictionary();
        return new CaseStep(
            transition.Action,
            [.. transition.From.Select(from => new CaseState(from))],
            transition.To is null ? null : new CaseState(transition.To),
            transition.EventType,
            values,
            payload.Text(ReasonField) ?? reason,
            transition.Keeps,
            clocks,
            transition.Referral,
            payload.Text(WorkflowDefinitionChecks.ReferralCentreField) is { } centre && transition.Referral == ReferralEffect.Refer ? new CentreCode(centre) : null);
    }

    private static string RecipientOf(MessageRecipient recipient, ActionPayload payload, CentreCode sendingCentre) => recipient.Kind switch
    {
        MessageRecipientKind.PayloadCentre => payload.Text(recipient.Value!)!,
        MessageRecipientKind.HandlingCentre => sendingCentre.Value,
        _ => recipient.Value!,
    };

    private async Task EnsureCentresExistAsync(TransitionDefinition transition, ActionPayload payload, CancellationToken cancellationToken)
    {
        var named = transition.Payload
            .Where(field => field.Kind == PayloadFieldKind.CentreCode && payload.Text(field.Name) is not null)
            .Select(field => (Field: field.Name, Code: payload.Text(field.Name)!))
            .ToList();
        if (named.Count == 0)
        {
            return;
        }

        var missing = await centres.UnknownAmongAsync(database, [.. named.Select(entry => new CentreCode(entry.Code))], cancellationToken);
        var unknown = named.Where(entry => missing.Contains(new CentreCode(entry.Code))).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException(unknown.Select(entry =>
                new ValidationFailure($"{ActionPayloadReader.PayloadPath}.{entry.Field}", $"No protection centre has the code '{entry.Code}'.")));
        }
    }
}
