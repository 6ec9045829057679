using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Cases.FileCase;

public sealed class FileCaseHandler(CasesDbContext database, CaseNumberAllocator numbers, WorkflowCatalog workflows, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<FileCaseCommand, CaseView>
{
    public async Task<CaseView> Handle(FileCaseCommand command, CancellationToken cancellationToken)
    {
        var code = command.Centre!.Value;
        if (!code.TryGetRegion(out var region))
        {
            throw UnknownCentre(code);
        }

        if (!string.IsNullOrWhiteSpace(command.ExternalReference))
        {
            var reference = command.ExternalReference.Trim();
            var existing = await database.CaseQueue
                .Where(row => row.CentreCode == code.Value && row.ExternalReference == reference)
                .Select(row => row.Number)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                throw new ConflictException($"The external reference '{reference}' was already filed at {code} as case {existing}.");
            }
        }

        var now = time.GetUtcNow();
        var filing = command.ToFiling();
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
        return CaseView.From(@case);
    }

    private static ValidationException UnknownCentre(CentreCode code) =>
        new([new ValidationFailure("centre", $"No protection centre has the code '{code}'.")]);
}
