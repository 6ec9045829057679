using Cases.Domain.Centres;
using Cases.Workflows.Pipeline;

namespace Cases.Workflows.Centres.ConfigurePreExamination;

/// <summary>
/// Sets what a centre's fast-track pre-examination (快速预审) accepts: the technical fields it
/// covers, as IPC classes or class prefixes (e.g. <c>H04L</c>, <c>G06F 16</c>), and the applicants
/// registered with it (备案申请人). Replaces the previous lists; the eligibility check reads them.
/// </summary>
public sealed record ConfigurePreExaminationCommand(CentreCode Centre, IReadOnlyList<string>? TechnicalScope, IReadOnlyList<RegisteredApplicantDetails>? RegisteredApplicants)
    : ICommand<PreExaminationConfigurationView>;

/// <summary>An applicant registered with the centre: a name and, for organisations, the unified social credit code.</summary>
public sealed record RegisteredApplicantDetails(string? Name, string? Identifier);

public sealed record PreExaminationConfigurationView(string Centre, IReadOnlyList<string> TechnicalScope, IReadOnlyList<RegisteredApplicantDetails> RegisteredApplicants);
