using System.Linq.Expressions;
using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Enterprises;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases;

/// <summary>
/// The one way in to a case (数据范围): every handler that reads or changes a case, or lists cases,
/// goes through here with the caller's <see cref="AccessScope"/>. A case outside the scope is
/// answered exactly like a missing one (404), and before any role is checked, so neither a 403 nor
/// a message reveals that it exists.
/// </summary>
public sealed class CaseAccess(CasesDbContext database, ICurrentActor currentActor)
{
    public AccessScope Scope => currentActor.Scope;

    /// <summary>The case, tracked for a change, if the caller may see it.</summary>
    /// <exception cref="NotFoundException">No such case, or not one the caller may see.</exception>
    public async Task<Case> CaseToChangeAsync(CaseId caseId, CancellationToken cancellationToken) =>
        Visible(await database.Cases.FirstOrDefaultAsync(candidate => candidate.Id == caseId, cancellationToken), caseId);

    /// <summary>
    /// Refuses a change to a case the caller can see but does not handle (see
    /// <see cref="AccessScope.MayChange"/>). A 403, not a 404: the caller already sees the case.
    /// </summary>
    /// <exception cref="ForbiddenException">The caller's centre does not handle the case (or is not the one to answer its referral).</exception>
    public void EnsureMayChange(Case @case, ReferralEffect referral = ReferralEffect.None)
    {
        if (!Scope.MayChange(@case.HandlingCentre, @case.ReferredTo, @case.Enterprise, referral))
        {
            throw new ForbiddenException(referral == ReferralEffect.TakeOver
                ? $"Only the centre the case {@case.Number} is referred to ({@case.ReferredTo}) accepts or declines it; {Scope} may only read it."
                : $"The case {@case.Number} is handled by {@case.HandlingCentre}; {Scope} may only read it.");
        }
    }

    /// <summary>The case, untracked, if the caller may see it.</summary>
    /// <exception cref="NotFoundException">No such case, or not one the caller may see.</exception>
    public async Task<Case> CaseToReadAsync(CaseId caseId, CancellationToken cancellationToken) =>
        Visible(await database.Cases.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == caseId, cancellationToken), caseId);

    /// <summary>The case's queue row (number, centres, state; no aggregate), if the caller may see it.</summary>
    /// <exception cref="NotFoundException">No such case, or not one the caller may see.</exception>
    public async Task<CaseQueueRow> RowAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        var id = caseId.Value;
        var row = await database.CaseQueue.FirstOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
        return row is not null && Covers(row) ? row : throw NotFound(caseId);
    }

    /// <summary>Where the case stands in its workflow, if the caller may see it.</summary>
    /// <exception cref="NotFoundException">No such case, or not one the caller may see.</exception>
    public async Task<CaseWorkflowPosition> PositionAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        var row = await RowAsync(caseId, cancellationToken);
        return new CaseWorkflowPosition(row.Number, row.State, new WorkflowPin(row.WorkflowId, row.WorkflowVersion), row.Version);
    }

    /// <summary>The queue rows of the cases the caller may see: the scope as a database filter.</summary>
    public IQueryable<CaseQueueRow> VisibleRows() => database.CaseQueue.Where(RowsCoveredBy(Scope));

    /// <summary>The ids of the cases the caller may see, for filtering what hangs off a case (e.g. deadlines).</summary>
    public IQueryable<CaseId> VisibleCaseIds() => database.Cases.Where(CasesCoveredBy(Scope)).Select(@case => @case.Id);

    /// <summary>
    /// Refuses a centre outside the caller's scope as if it did not exist: staff name their own
    /// centre only (filing, the triage queue's and the deadline queue's filters); system
    /// administrators and the system any. Enterprise users' lists are limited to their own cases
    /// already, so a centre filter only narrows them.
    /// </summary>
    /// <exception cref="NotFoundException">Staff named another centre, or nobody is signed in.</exception>
    public void EnsureCentreInScope(CentreCode centre)
    {
        if (Scope.Unrestricted || Scope.Enterprise is not null || Scope.Centre == centre)
        {
            return;
        }

        throw new NotFoundException("Centre", centre.Value);
    }

    /// <summary>The scope as a database filter, mirroring <see cref="AccessScope.Covers"/>.</summary>
    public static Expression<Func<CaseQueueRow, bool>> RowsCoveredBy(AccessScope scope)
    {
        if (scope.Unrestricted)
        {
            return row => true;
        }

        if (scope.Centre is { } centre)
        {
            var code = centre.Value;
            return row => row.CentreCode == code || row.HandlingCentreCode == code || row.ReferredToCentreCode == code;
        }

        if (scope.Enterprise is { } enterprise)
        {
            var id = enterprise.Value;
            return row => row.EnterpriseId == id;
        }

        return row => false;
    }

    /// <summary>The scope as a database filter on the aggregate, mirroring <see cref="AccessScope.Covers"/>.</summary>
    public static Expression<Func<Case, bool>> CasesCoveredBy(AccessScope scope)
    {
        if (scope.Unrestricted)
        {
            return @case => true;
        }

        if (scope.Centre is { } centre)
        {
            CentreCode? referredTo = centre;
            return @case => @case.Centre == centre || @case.HandlingCentre == centre || @case.ReferredTo == referredTo;
        }

        if (scope.Enterprise is { } enterprise)
        {
            EnterpriseId? own = enterprise;
            return @case => @case.Enterprise == own;
        }

        return @case => false;
    }

    private Case Visible(Case? @case, CaseId caseId) =>
        @case is not null && Scope.Covers(@case.Centre, @case.HandlingCentre, @case.ReferredTo, @case.Enterprise) ? @case : throw NotFound(caseId);

    private bool Covers(CaseQueueRow row) =>
        Scope.Covers(
            new CentreCode(row.CentreCode),
            new CentreCode(row.HandlingCentreCode),
            row.ReferredToCentreCode is null ? null : new CentreCode(row.ReferredToCentreCode),
            row.EnterpriseId is { } enterprise ? new EnterpriseId(enterprise) : null);

    private static NotFoundException NotFound(CaseId caseId) => new("Case", caseId.ToString());
}
