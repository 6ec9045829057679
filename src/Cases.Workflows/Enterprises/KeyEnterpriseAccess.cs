using System.Linq.Expressions;
using Cases.Domain.Access;
using Cases.Domain.Enterprises;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Enterprises;

/// <summary>
/// Which key enterprises the caller may see: a system administrator all, a centre's staff those
/// their centre registered, an enterprise's user their own. Any other is answered 404, before a
/// role is checked, like a case outside the caller's scope.
/// </summary>
public sealed class KeyEnterpriseAccess(CasesDbContext database, ICurrentActor currentActor)
{
    public IQueryable<KeyEnterprise> Visible() => database.Enterprises.Where(VisibleTo(currentActor.Scope));

    /// <exception cref="NotFoundException">No such enterprise, or not one the caller may see.</exception>
    public async Task<KeyEnterprise> EnterpriseAsync(Guid id, bool forChange, CancellationToken cancellationToken)
    {
        var enterpriseId = new EnterpriseId(id);
        var enterprises = forChange ? Visible() : Visible().AsNoTracking();
        return await enterprises.FirstOrDefaultAsync(enterprise => enterprise.Id == enterpriseId, cancellationToken)
            ?? throw new NotFoundException("Enterprise", id.ToString());
    }

    public static Expression<Func<KeyEnterprise, bool>> VisibleTo(AccessScope scope)
    {
        if (scope.Unrestricted)
        {
            return enterprise => true;
        }

        if (scope.Centre is { } centre)
        {
            return enterprise => enterprise.Centre == centre;
        }

        if (scope.Enterprise is { } own)
        {
            return enterprise => enterprise.Id == own;
        }

        return enterprise => false;
    }
}
