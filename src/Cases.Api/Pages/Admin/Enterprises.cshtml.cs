using System.Globalization;
using Cases.Api.Web;
using Cases.Domain.Enterprises;
using Cases.Domain.Enterprises.Rules;
using Cases.Workflows.Centres;
using Cases.Workflows.Centres.ListCentres;
using Cases.Workflows.Enterprises;
using Cases.Workflows.Enterprises.ListKeyEnterprises;
using Cases.Workflows.Enterprises.RegisterKeyEnterprise;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Admin;

/// <summary>
/// The key-enterprise registry (重点企业名录) as far as the reader sees it (their centre's, or all),
/// and the registration form (重点企业备案) with each refusal beside its field.
/// </summary>
public sealed class EnterprisesModel : AdminPageModel
{
    public IReadOnlyList<KeyEnterpriseView> Enterprises { get; private set; } = [];

    /// <summary>The centres the reader registers for: their own, or any for a system administrator.</summary>
    public IReadOnlyList<CentreView> Centres { get; private set; } = [];

    public RegistrationForm Form { get; private set; } = new(null, null, null, false, null, null);

    public async Task OnGetAsync()
    {
        Form = Form with { Centre = OwnCentre };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync(
        string? centre, string? name, string? unifiedSocialCreditCode, bool highTechEnterprise, string? highTechCertificateNumber, string? patentsAndTrademarks)
    {
        Form = new RegistrationForm(centre, name, unifiedSocialCreditCode, highTechEnterprise, highTechCertificateNumber, patentsAndTrademarks);
        int? count = null;
        if (!string.IsNullOrWhiteSpace(patentsAndTrademarks))
        {
            if (int.TryParse(patentsAndTrademarks.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                count = parsed;
            }
            else
            {
                ModelState.AddModelError("patentsAndTrademarks", T["Enter a whole number, 0 or more."]);
                ShowProblem(T["Please correct the fields marked below."]);
                RefusalStatusCode = StatusCodes.Status400BadRequest;
                await LoadAsync();
                return Refused();
            }
        }

        var command = new RegisterKeyEnterpriseCommand(
            CentreFrom(centre), name, unifiedSocialCreditCode?.Trim(), highTechEnterprise, count, string.IsNullOrWhiteSpace(highTechCertificateNumber) ? null : highTechCertificateNumber);
        var sent = await SendAsync(command, Placement);
        if (!sent.Succeeded)
        {
            await LoadAsync();
            return Refused();
        }

        Notify(T["{0} is registered as a key enterprise.", sent.Value!.Name]);
        return Redirect("/admin/enterprises");
    }

    /// <summary>What qualifies the enterprise: high-tech, or its patents and trademarks.</summary>
    public static string Qualification(KeyEnterpriseView enterprise, Texts texts) =>
        enterprise.HighTechEnterprise
            ? enterprise.HighTechCertificateNumber is { } certificate
                ? texts["High-tech enterprise (certificate {0})", certificate]
                : texts["High-tech enterprise"]
            : texts["{0} patents and trademarks", Formats.Number(enterprise.PatentsAndTrademarks)];

    public static string StatusName(KeyEnterpriseStatus status, Texts texts) => status switch
    {
        KeyEnterpriseStatus.Active => texts["On the direct channel"],
        KeyEnterpriseStatus.Withdrawn => texts["Withdrawn from the direct channel"],
        _ => status.ToString(),
    };

    private static FieldPlacement Placement => new FieldPlacement()
        .Rule<UnifiedSocialCreditCodeMustBeValidRule>("unifiedSocialCreditCode",
            texts => texts["This is not a valid unified social credit code: 18 digits and capital letters, the last being the check character of the first 17."])
        .Rule<EnterpriseMustQualifyAsKeyEnterpriseRule>("patentsAndTrademarks",
            texts => texts["A key enterprise is a high-tech enterprise or holds at least {0} patents and trademarks together.", EnterpriseMustQualifyAsKeyEnterpriseRule.MinimumPatentsAndTrademarks])
        .Validation("patentsAndTrademarks", "GreaterThanOrEqualValidator", texts => texts["Enter a whole number, 0 or more."])
        .ConflictOn("unifiedSocialCreditCode", texts => texts["An enterprise with this credit code is already registered."])
        .WhenForbidden(texts => texts["Only a centre administrator or a system administrator registers key enterprises here."]);

    private async Task LoadAsync()
    {
        Enterprises = await Mediator.Send(new ListKeyEnterprisesQuery(), HttpContext.RequestAborted);
        var centres = await Mediator.Send(new ListCentresQuery(), HttpContext.RequestAborted);
        Centres = [.. centres.Where(centre => IsSystemAdmin || centre.Code == OwnCentre)];
    }

    public sealed record RegistrationForm(
        string? Centre, string? Name, string? UnifiedSocialCreditCode, bool HighTechEnterprise, string? HighTechCertificateNumber, string? PatentsAndTrademarks);
}
