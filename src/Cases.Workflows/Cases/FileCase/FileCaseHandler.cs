using Cases.Domain.Cases;
using Cases.Domain.Cases.Rules;
using Cases.Domain.Centres;
using Cases.Domain.Common;
using Cases.Domain.Enterprises.Rules;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.FileCase;

/// <summary>
/// Files for staff at their own centre (a system administrator at any), or for a key enterprise's
/// user through the direct channel: then at the enterprise's centre, as the enterprise's case, and
/// as a priority case.
/// </summary>
public sealed class FileCaseHandler(
    CasesDbContext database,
    CaseAccess access,
    CaseAudience audience,
    CaseNumberAllocator numbers,
    WorkflowCatalog workflows,
    ICurrentActor currentActor,
    TimeProvider time)
    : IRequestHandler<FileCaseCommand, AudienceCaseView>
{
    public async Task<AudienceCaseView> Handle(FileCaseCommand command, CancellationToken cancellationToken)
    {
        var (code, directChannel) = await WhereToFileAsync(command.Centre, cancellationToken);
        if (!code.TryGetRegion(out var region))
        {
            throw UnknownCentre(code);
        }

        if (!string.IsNullOrWhiteSpace(command.ExternalReference))
        {
            var reference = command.ExternalReference.Trim();
            if (await database.CaseQueue.AnyAsync(row => row.CentreCode == code.Value && row.ExternalReference == reference, cancellationToken))
            {
                // The case's number only if the caller may see that case: an enterprise learns nothing of others' cases.
                var visible = await access.VisibleRows()
                    .Where(row => row.CentreCode == code.Value && row.ExternalReference == reference)
                    .Select(row => row.Number)
                    .FirstOrDefaultAsync(cancellationToken);
                throw new ConflictException(visible is null
                    ? $"The external reference '{reference}' was already filed at {code}; choose another."
                    : $"The external reference '{reference}' was already filed at {code} as case {visible}.");
            }
        }

        var now = time.GetUtcNow();
        var filing = command.ToFiling(directChannel);
        CaseNumber number;
        try
        {
            number = await numbers.AllocateAsync(code, region.LocalDateOf(now).Year, cancellationToken);
        }
        catch (UnknownCentreException)
        {
            throw UnknownCentre(code);
        }

        // Filing starts the pipeline for the case's kind, on its latest version.
        var workflow = workflows.ForNewCase(filing.Kind);
        var @case = Case.File(CaseId.New(now), number, filing, workflow.Pin, new CaseState(workflow.Initial.Name), workflow.Initial.OnEnter, currentActor.Actor, now);
        database.Cases.Add(@case);
        return await audience.ViewAsync(@case, cancellationToken);
    }

    /// <summary>
    /// A key enterprise's user files with the enterprise's centre (naming another breaks a rule);
    /// staff name a centre in their scope, which for a centre's staff is their own.
    /// </summary>
    private async Task<(CentreCode Centre, DirectChannelFiler? DirectChannel)> WhereToFileAsync(CentreCode? requested, CancellationToken cancellationToken)
    {
        if (access.Scope.Enterprise is { } enterpriseId)
        {
            var enterprise = await database.Enterprises.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.Id == enterpriseId, cancellationToken)
                ?? throw new NotFoundException("Enterprise", enterpriseId.ToString());
            BusinessRules.Check(
                new KeyEnterpriseMustBeActiveRule(enterprise.Status),
                new DirectChannelCaseMustBeFiledWithTheEnterprisesCentreRule(requested ?? enterprise.Centre, enterprise.Centre));
            return (enterprise.Centre, new DirectChannelFiler(enterpriseId, enterprise.Centre));
        }

        var centre = requested ?? throw new ValidationException([new ValidationFailure("centre", "'centre' must not be empty.")]);
        access.EnsureCentreInScope(centre);
        return (centre, null);
    }

    private static ValidationException UnknownCentre(CentreCode code) =>
        new([new ValidationFailure("centre", $"No protection centre has the code '{code}'.")]);
}
