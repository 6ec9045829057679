using Cases.Domain.Access;
using Cases.Workflows.Cases;
using Cases.Workflows.Persistence;
using Cases.Workflows.Pipeline;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Cases.Workflows.Centres.ConfigurePreExamination;

public sealed class ConfigurePreExaminationHandler(CasesDbContext database, CaseAccess access, ICurrentActor currentActor, TimeProvider time)
    : IRequestHandler<ConfigurePreExaminationCommand, PreExaminationConfigurationView>
{
    public async Task<PreExaminationConfigurationView> Handle(ConfigurePreExaminationCommand command, CancellationToken cancellationToken)
    {
        // A centre administrator configures their own centre; a system administrator any.
        currentActor.Require([Role.CentreAdmin, Role.SystemAdmin], "Configuring a centre's pre-examination");
        access.EnsureCentreInScope(command.Centre);
        var code = command.Centre.Value;
        if (!await database.Centres.AnyAsync(centre => centre.Code == command.Centre, cancellationToken))
        {
            throw new NotFoundException("Centre", code);
        }

        var scope = command.TechnicalScope!.Select(Normalise).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var applicants = command.RegisteredApplicants!
            .Select(applicant => new RegisteredApplicantDetails(applicant.Name!.Trim(), string.IsNullOrWhiteSpace(applicant.Identifier) ? null : applicant.Identifier.Trim()))
            .ToList();
        var duplicates = applicants.Select((applicant, index) => (applicant, index))
            .GroupBy(entry => entry.applicant.Name, StringComparer.Ordinal).Where(group => group.Count() > 1)
            .Select(group => new ValidationFailure($"registeredApplicants[{group.Skip(1).First().index}].name", $"'{group.Key}' is listed more than once."))
            .ToList();
        if (duplicates.Count > 0)
        {
            throw new ValidationException(duplicates);
        }

        await database.TechnicalScopes.Where(entry => entry.CentreCode == code).ExecuteDeleteAsync(cancellationToken);
        await database.RegisteredApplicants.Where(entry => entry.CentreCode == code).ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow();
        database.TechnicalScopes.AddRange(scope.Select(ipc => new CentreTechnicalScope { CentreCode = code, IpcClass = ipc }));
        database.RegisteredApplicants.AddRange(applicants.Select(applicant => new CentreRegisteredApplicant
        {
            CentreCode = code,
            Name = applicant.Name!,
            Identifier = applicant.Identifier,
            RegisteredAt = now,
        }));
        return new PreExaminationConfigurationView(code, scope, applicants);
    }

    private static string Normalise(string ipcClass) => ipcClass.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
