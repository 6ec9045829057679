using Cases.Api.Web;
using Cases.Domain.Access;
using Cases.Domain.Access.Rules;
using Cases.Workflows.Access.CreateUser;
using Cases.Workflows.Access.ListUsers;
using Cases.Workflows.Centres;
using Cases.Workflows.Centres.ListCentres;
using Cases.Workflows.Enterprises.ListKeyEnterprises;
using Microsoft.AspNetCore.Mvc;

namespace Cases.Api.Pages.Admin;

/// <summary>
/// The accounts an administrator manages (a centre administrator's centre, or all for a system
/// administrator), a form to create a staff account, and where access tokens are managed.
/// </summary>
public sealed class UsersModel : AdminPageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    /// <summary>The names of the enterprises the listed enterprise users belong to, as far as the reader sees them.</summary>
    public IReadOnlyDictionary<Guid, string> Enterprises { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The centres a new account may belong to: the reader's own, or any for a system administrator.</summary>
    public IReadOnlyList<CentreView> Centres { get; private set; } = [];

    public UserForm Form { get; private set; } = new(null, null, [], null);

    /// <summary>The roles the form offers: staff roles, and the system administrator's to a system administrator.</summary>
    public IReadOnlyList<Role> OfferedRoles =>
        [.. WebRegistration.StaffRoles.Where(role => role != Role.SystemAdmin || IsSystemAdmin)];

    public async Task OnGetAsync()
    {
        Form = Form with { Centre = OwnCentre };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? displayName, string? password, string[]? roles, string? centre)
    {
        var chosen = (roles ?? []).Select(name => Enum.TryParse<Role>(name, out var role) && Enum.IsDefined(role) ? role : (Role?)null)
            .OfType<Role>().Distinct().ToList();
        Form = new UserForm(userName, displayName, chosen, centre);
        var sent = await SendAsync(new CreateUserCommand(userName?.Trim(), displayName, password, chosen, CentreFrom(centre)), Placement);
        if (!sent.Succeeded)
        {
            await LoadAsync();
            return Refused();
        }

        Notify(T["Account {0} created.", sent.Value!.UserName]);
        return Redirect("/admin/users");
    }

    private static FieldPlacement Placement => new FieldPlacement()
        .Validation("userName", "RegularExpressionValidator", texts => texts["Use only letters, digits and . _ @ -, starting with a letter or digit."])
        .Validation("roles", "NotEmptyValidator", texts => texts["Choose at least one role."])
        .Rule<CentreAdministratorMustManageOnlyTheirOwnCentreRule>("centre", texts => texts["A centre administrator creates accounts of their own centre only, and no system administrator."])
        .Rule<StaffMustBelongToACentreRule>("centre", texts => texts["A staff account needs the centre it works at."])
        .Rule<SystemAdministratorMustNotBelongToACentreRule>("centre", texts => texts["A system administrator serves every centre: choose no centre."])
        .Rule<StaffMustNotHoldTheEnterpriseRoleRule>("roles", texts => texts["Enterprise users are created on their enterprise's page."])
        .ConflictOn("userName", texts => texts["This user name is already taken."])
        .WhenForbidden(texts => texts["Only a centre administrator or a system administrator creates accounts."]);

    private async Task LoadAsync()
    {
        Users = await Mediator.Send(new ListUsersQuery(), HttpContext.RequestAborted);
        if (Users.Any(user => user.Enterprise is not null))
        {
            var enterprises = await Mediator.Send(new ListKeyEnterprisesQuery(), HttpContext.RequestAborted);
            Enterprises = enterprises.ToDictionary(enterprise => enterprise.Id, enterprise => enterprise.Name);
        }

        var centres = await Mediator.Send(new ListCentresQuery(), HttpContext.RequestAborted);
        Centres = [.. centres.Where(centre => IsSystemAdmin || centre.Code == OwnCentre)];
    }

    public sealed record UserForm(string? UserName, string? DisplayName, IReadOnlyList<Role> Roles, string? Centre);
}
