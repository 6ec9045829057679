using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cases.Workflows.Persistence;

/// <summary>
/// Allocates the next case number of a centre and year. The counter row is incremented in the
/// caller's transaction and stays locked until it ends: concurrent filings at one centre queue
/// behind each other, and a rolled-back filing gives its number back. No gaps, no duplicates.
/// The counter's foreign key also proves the centre exists, so filing needs no separate look-up.
/// </summary>
public sealed class CaseNumberAllocator(CasesDbContext database)
{
    /// <exception cref="UnknownCentreException">No centre has this code.</exception>
    public async Task<CaseNumber> AllocateAsync(CentreCode centre, int year, CancellationToken cancellationToken)
    {
        if (database.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Case numbers are allocated inside the filing transaction.");
        }

        try
        {
            var serial = await database.Database
                .SqlQuery<int>($"""
                    INSERT INTO case_number_counters (centre_code, year, last_value) VALUES ({centre.Value}, {year}, 1)
                    ON CONFLICT (centre_code, year) DO UPDATE SET last_value = case_number_counters.last_value + 1
                    RETURNING last_value AS "Value"
                    """)
                .ToListAsync(cancellationToken);
            return new CaseNumber(centre, year, serial.Single());
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new UnknownCentreException(centre);
        }
    }
}

public sealed class UnknownCentreException(CentreCode centre) : Exception($"No protection centre has the code '{centre}'.")
{
    public CentreCode Centre { get; } = centre;
}
