using System.Globalization;
using Cases.Workflows.Access.CreatePersonalAccessToken;
using Cases.Workflows.Access.ListPersonalAccessTokens;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Portal;

/// <summary>
/// The enterprise's personal access tokens (个人访问令牌) for its own systems to use the API: the
/// list (never the secret), a form to create one, whose secret is shown once on the page that
/// answers the form and never again, and a link to revoke each.
/// </summary>
public sealed class TokensModel : PortalPageModel
{
    public IReadOnlyList<PersonalAccessTokenView> Tokens { get; private set; } = [];

    /// <summary>The token just created, with its secret: only on the answer to the form.</summary>
    public PersonalAccessTokenCreated? Created { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Days { get; private set; } = CreatePersonalAccessTokenHandler.DefaultDays.ToString(CultureInfo.InvariantCulture);

    public DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    public async Task OnGetAsync() => await ListAsync();

    public async Task<IActionResult> OnPostAsync(string? name, string? expiresInDays)
    {
        Name = name?.Trim() ?? string.Empty;
        Days = expiresInDays?.Trim() ?? string.Empty;
        int? days = int.TryParse(Days, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        if (days is null && Days.Length > 0)
        {
            ModelState.AddModelError("expiresInDays", T["Enter a whole number of days from 1 to {0}.", CreatePersonalAccessTokenValidator.MaximumDays]);
            ShowProblem(T["Please correct the fields marked below."]);
        }
        else
        {
            var sent = await SendAsync(new CreatePersonalAccessTokenCommand(Name, days ?? CreatePersonalAccessTokenHandler.DefaultDays));
            if (sent.Succeeded)
            {
                Created = sent.Value;
                Name = string.Empty;
                Days = CreatePersonalAccessTokenHandler.DefaultDays.ToString(CultureInfo.InvariantCulture);
                // The secret is on this page only: no copy in a cache, and no redirect that would have to carry it.
                Response.Headers.CacheControl = "no-store";
                await ListAsync();
                return Page();
            }
        }

        if (ModelState.TryGetValue("expiresInDays", out var entry) && entry.Errors.Count > 0)
        {
            // The validator's range in the reader's language.
            ModelState.Remove("expiresInDays");
            ModelState.AddModelError("expiresInDays", T["Enter a whole number of days from 1 to {0}.", CreatePersonalAccessTokenValidator.MaximumDays]);
        }

        await ListAsync();
        Response.StatusCode = RefusalStatusCode;
        return Page();
    }

    private async Task ListAsync() => Tokens = (await SendAsync(new ListPersonalAccessTokensQuery())).Value ?? [];
}
