using Cases.Workflows.Access.CreatePersonalAccessToken;
using Cases.Workflows.Access.ListPersonalAccessTokens;
using Cases.Workflows.Access.RevokePersonalAccessToken;
using Cases.Workflows.Pipeline;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Portal;

/// <summary>
/// Asks before revoking one of the enterprise's tokens (吊销令牌): the systems using it stop working
/// on their next request, and a revoked token cannot be restored.
/// </summary>
public sealed class RevokeTokenModel : PortalPageModel
{
    public PersonalAccessTokenView Token { get; private set; } = null!;

    public async Task OnGetAsync(Guid id) => Token = await FindAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Token = await FindAsync(id);
        var revoked = await SendAsync(new RevokePersonalAccessTokenCommand(id));
        if (revoked.Succeeded)
        {
            Notify(T["The token “{0}” is revoked: it no longer works.", revoked.Value!.Name]);
            return LocalRedirect("/portal/tokens");
        }

        Response.StatusCode = RefusalStatusCode;
        return Page();
    }

    /// <summary>One of the enterprise's tokens; another's, like a missing one, is not found.</summary>
    private async Task<PersonalAccessTokenView> FindAsync(Guid id) =>
        (await Mediator.Send(new ListPersonalAccessTokensQuery(), HttpContext.RequestAborted)).FirstOrDefault(token => token.Id == id)
        ?? throw new NotFoundException("Personal access token", id.ToString());
}
