using Cases.Domain.Enterprises;
using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Enterprises;
using Cases.Workflows.Enterprises.CreateEnterpriseUser;
using Cases.Workflows.Enterprises.GetKeyEnterprise;
using Cases.Workflows.Enterprises.ListEnterpriseUsers;
using Cases.Workflows.Enterprises.WithdrawKeyEnterprise;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Admin;

/// <summary>
/// One key enterprise: its registration, its users and a form to create one, and its withdrawal
/// from the direct channel (退出直通车), with a reason and a confirmation.
/// </summary>
public sealed class EnterpriseModel : AdminPageModel
{
    public KeyEnterpriseView Enterprise { get; private set; } = null!;

    public IReadOnlyList<UserView> Users { get; private set; } = [];

    public bool IsActive => Enterprise.Status == KeyEnterpriseStatus.Active;

    public UserForm NewUser { get; private set; } = new(null, null);

    public string? WithdrawalReason { get; private set; }

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostUserAsync(Guid id, string? userName, string? displayName, string? password)
    {
        NewUser = new UserForm(userName, displayName);
        var sent = await SendAsync(new CreateEnterpriseUserCommand(id, userName?.Trim(), displayName, password), UserPlacement);
        if (!sent.Succeeded)
        {
            await LoadAsync(id);
            return Refused();
        }

        Notify(T["Account {0} created.", sent.Value!.UserName]);
        return Redirect(PageUrl(id) + "#users");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, bool confirm, int? expectedVersion)
    {
        WithdrawalReason = reason;
        if (!confirm)
        {
            ModelState.AddModelError("confirm", T["Tick the box to confirm the withdrawal."]);
            ShowProblem(T["Please correct the fields marked below."]);
            RefusalStatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(id);
            return Refused();
        }

        var sent = await SendAsync(new WithdrawKeyEnterpriseCommand(id, reason, expectedVersion), WithdrawalPlacement);
        if (!sent.Succeeded)
        {
            await LoadAsync(id);
            return Refused();
        }

        Notify(T["{0} is withdrawn from the direct channel: its users can no longer sign in and its tokens no longer work.", sent.Value!.Name]);
        return Redirect(PageUrl(id));
    }

    public static string PageUrl(Guid id) => $"/admin/enterprises/{id}";

    private static FieldPlacement UserPlacement => new FieldPlacement()
        .Validation("userName", "RegularExpressionValidator", texts => texts["Use only letters, digits and . _ @ -, starting with a letter or digit."])
        .ConflictOn("userName", texts => texts["This user name is already taken."])
        .WhenForbidden(texts => texts["Only the administrator of the enterprise's centre or a system administrator creates its users."]);

    private static FieldPlacement WithdrawalPlacement => new FieldPlacement()
        .ConflictSaying(texts => texts["The enterprise was changed meanwhile. Check it below and try again."])
        .WhenForbidden(texts => texts["Only the enterprise's centre or a system administrator withdraws it."]);

    private async Task LoadAsync(Guid id)
    {
        // Outside the reader's scope is not found (404), as in the API.
        Enterprise = await Mediator.Send(new GetKeyEnterpriseQuery(id), HttpContext.RequestAborted);
        Users = await Mediator.Send(new ListEnterpriseUsersQuery(id), HttpContext.RequestAborted);
    }

    public sealed record UserForm(string? UserName, string? DisplayName);
}
