using System.Collections.Concurrent;
using Cases.Domain.Centres;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Persistence;

/// <summary>
/// Remembers the centre codes found registered, so a workflow action naming a centre (a referral, a
/// notice) does not spend a database round trip on it each time. Centres are never removed, so a
/// code once found stays valid; a code not yet seen is looked up.
/// </summary>
public sealed class KnownCentreCodes
{
    private readonly ConcurrentDictionary<CentreCode, bool> known = new();

    /// <summary>The codes among <paramref name="codes"/> that no registered centre has.</summary>
    public async Task<IReadOnlyList<CentreCode>> UnknownAmongAsync(CasesDbContext database, IReadOnlyCollection<CentreCode> codes, CancellationToken cancellationToken)
    {
        var unseen = codes.Where(code => !known.ContainsKey(code)).Distinct().ToList();
        if (unseen.Count == 0)
        {
            return [];
        }

        var found = await database.Centres.AsNoTracking().Where(centre => unseen.Contains(centre.Code)).Select(centre => centre.Code).ToListAsync(cancellationToken);
        foreach (var code in found)
        {
            known.TryAdd(code, true);
        }

        return [.. unseen.Except(found)];
    }
}
