using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Persistence;

/// <summary>
/// Allocates the next case number of a centre and year. The counter row is incremented in the
/// caller's transaction and stays locked until it ends: concurrent filings at one centre queue
/// behind each other, and a rolled-back filing gives its number back. No gaps, no duplicates.
/// </summary>
public sealed class CaseNumberAllocator(CasesDbContext database)
{
    public async Task<CaseNumber> AllocateAsync(CentreCode centre, int year, CancellationToken cancellationToken)
    {
        if (database.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Case numbers are allocated inside the filing transaction.");
        }

        var serial = await database.Database
            .SqlQuery<int>($"""
                INSERT INTO case_number_counters (centre_code, year, last_value) VALUES ({centre.Value}, {year}, 1)
                ON CONFLICT (centre_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
                RETURNING last_value AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return new CaseNumber(centre, year, serial.Single());
    }
}
