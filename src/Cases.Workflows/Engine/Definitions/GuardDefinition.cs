using Cases.Domain.Cases;
using Cases.Domain.Common;

namespace Cases.Workflows.Engine.Definitions;

/// <summary>
/// A condition a transition checks before it is taken, as a domain rule object built from the
/// case and the payload. Broken guards are reported together, each with its rule's message.
/// </summary>
public sealed record GuardDefinition(string Name, Func<Case, IReadOnlyDictionary<string, string?>, IBusinessRule> Rule);
