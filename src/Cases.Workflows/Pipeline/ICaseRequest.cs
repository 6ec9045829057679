using Cases.Domain.Cases;

namespace Cases.Workflows.Pipeline;

/// <summary>A query that reads one case (or part of it): each successful one is a <c>CaseRead</c> entry of the audit log.</summary>
public interface ICaseQuery
{
    CaseId CaseId { get; }
}

/// <summary>A command that changes one existing case: its audit entry names that case as its subject.</summary>
public interface ICaseCommand
{
    CaseId CaseId { get; }
}
