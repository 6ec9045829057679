using Cases.Domain.Common;

namespace Cases.Workflows.Engine.Definitions;

/// <summary>
/// A condition a transition checks before it is taken: a domain rule object built from the case,
/// the payload and, where the rule needs recorded facts (a centre's registered applicants, a
/// mediator's links), facts looked up for it. Broken guards are reported together, each with its
/// rule's message.
/// </summary>
public sealed record GuardDefinition(string Name, Func<GuardContext, CancellationToken, ValueTask<IBusinessRule>> Rule);
