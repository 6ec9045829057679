using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Workflows.Engine.Definitions;
using Cases.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Engine.Runtime;

/// <summary>The facts guards look up, read from the registries in the same unit of work.</summary>
public sealed class WorkflowFacts(CasesDbContext database) : IWorkflowFacts
{
    public async Task<IReadOnlyList<string>> TechnicalScopeOfAsync(CentreCode centre, CancellationToken cancellationToken) =>
        await database.TechnicalScopes.AsNoTracking()
            .Where(scope => scope.CentreCode == centre.Value)
            .OrderBy(scope => scope.IpcClass)
            .Select(scope => scope.IpcClass)
            .ToListAsync(cancellationToken);

    public Task<bool> IsRegisteredApplicantAsync(CentreCode centre, Party party, CancellationToken cancellationToken) =>
        database.RegisteredApplicants.AsNoTracking().AnyAsync(
            applicant => applicant.CentreCode == centre.Value
                && (applicant.Name == party.Name || (party.Identifier != null && applicant.Identifier == party.Identifier)),
            cancellationToken);

    public async Task<IReadOnlyList<RecordedConflictLink>> LinksBetweenAsync(string person, IEnumerable<string> partyNames, CancellationToken cancellationToken)
    {
        var personKey = person.Trim().ToLowerInvariant();
        var parties = partyNames.Select(name => name.Trim().ToLowerInvariant()).ToList();
        return await database.ConflictLinks.AsNoTracking()
            .Where(link => link.Person.ToLower() == personKey && parties.Contains(link.PartyName.ToLower()))
            .OrderBy(link => link.RecordedAt)
            .Select(link => new RecordedConflictLink(link.Person, link.PartyName, link.Relationship))
            .ToListAsync(cancellationToken);
    }
}
