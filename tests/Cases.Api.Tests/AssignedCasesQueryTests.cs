using System.Security.Claims;
using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Workflows.Access;
using Cases.Workflows.Access.ListNeutrals;
using Cases.Workflows.Cases.GetAssignedCase;
using Cases.Workflows.Cases.ListAssignedCases;
using Cases.Workflows.Pipeline;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cases.Api.Tests;

/// <summary>
/// A mediator's and an arbitrator's own cases (ListAssignedCases, GetAssignedCase) and the list of
/// a centre's neutrals (ListNeutrals), sent through the real pipeline against the real database as
/// a signed-in user would send them.
/// </summary>
public sealed class AssignedCasesQueryTests(CasesApi api) : IClassFixture<CasesApi>
{
    private readonly Workflow workflow = new(api);

    [Fact]
    public async Task A_mediator_assigned_by_display_name_sees_the_case_with_its_parties_sessions_and_deadlines()
    {
        var user = await NeutralAsync("q.mediator.chan", "Chan Tai Man", "Mediator");
        var id = await InMediationAsync("chan tai man");
        await workflow.ActAsync(id, "recordSession", new { sessionDate = "2026-03-10", notes = "Positions exchanged." }, roles: "Mediator");
        await workflow.ActAsync(id, "recordSession", new { sessionDate = "2026-03-17", notes = "Royalty range narrowed." }, roles: "Mediator");

        var listed = Single((await SendAsync(user, new ListAssignedCasesQuery())).Cases, id);

        Assert.Equal([NeutralAssignment.Mediator], listed.Assignments);
        Assert.Equal("chan tai man", listed.Mediator);
        Assert.Equal("InMediation", listed.State);
        Assert.Equal(["Foshan Bright Lamps Co., Ltd.", "Macau Light Trading Ltd."], listed.Parties.Select(party => party.Name));
        Assert.Equal([(new DateOnly(2026, 3, 10), "Positions exchanged."), (new DateOnly(2026, 3, 17), "Royalty range narrowed.")],
            listed.Sessions.Select(session => (session.SessionDate!.Value, session.Notes)));
        Assert.Equal(["recordSession", "recordAgreement", "recordFailure"], listed.OpenActions);
        Assert.False(listed.Closed);
        Assert.Equal("Met", Assert.Single(listed.Deadlines, deadline => deadline.Clock == "RespondentConsent").Status);
        Assert.Contains(listed.Steps, step => step.Action == "assignMediator" && step.Text == "chan tai man");

        await workflow.ActAsync(id, "recordAgreement", new { agreementDate = "2026-03-24", terms = "Two instalments." }, roles: "Mediator");
        var agreed = await SendAsync(user, new GetAssignedCaseQuery(new CaseId(id)));
        var confirmation = Assert.Single(agreed.Deadlines, deadline => deadline.Clock == "JudicialConfirmation");
        Assert.Equal(("Running", new DateOnly(2026, 4, 1)), (confirmation.Status, confirmation.LastDay!.Value));
        Assert.Equal(["recordJudicialConfirmationApplication", "closeWithAgreement"], agreed.OpenActions);
    }

    [Fact]
    public async Task The_user_name_matches_too_but_not_another_persons_name_nor_another_centres_case()
    {
        var byUserName = await NeutralAsync("q.mediator.ho", "Ho Ka Yan", "Mediator");
        var other = await NeutralAsync("q.mediator.lee", "Lee Siu Ming", "Mediator");
        var elsewhere = await NeutralAsync("q.mediator.ho.hk", "Ho Ka Yan", "Mediator", centre: "HK");
        var id = await InMediationAsync("Q.Mediator.Ho");

        Assert.Contains((await SendAsync(byUserName, new ListAssignedCasesQuery())).Cases, view => view.Id == id);
        Assert.DoesNotContain((await SendAsync(other, new ListAssignedCasesQuery())).Cases, view => view.Id == id);
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(other, new GetAssignedCaseQuery(new CaseId(id))));

        // Same display name, but at another centre: the case is outside that mediator's scope.
        var hongKongCase = await InMediationAsync("Ho Ka Yan");
        Assert.DoesNotContain((await SendAsync(elsewhere, new ListAssignedCasesQuery())).Cases, view => view.Id == hongKongCase);
        Assert.Contains((await SendAsync(byUserName, new ListAssignedCasesQuery())).Cases, view => view.Id == hongKongCase);
    }

    [Fact]
    public async Task An_arbitrator_sees_the_award_deadline_met_and_the_closed_case_only_while_it_is_recent()
    {
        var arbitrator = await NeutralAsync("q.arbitrator.sousa", "Arbitrator Sousa", "Arbitrator");
        var mediatorOfTheSameName = await NeutralAsync("q.mediator.sousa", "Arbitrator Sousa", "Mediator");
        var id = await workflow.FileAsync(Filings.Mediation("Arbitration"));
        await workflow.ActAsync(id, "acceptArbitration", new { arbitrationAgreement = true }, roles: "IntakeOfficer");
        await workflow.ActAsync(id, "formTribunal", new { arbitrator = "Arbitrator Sousa" }, roles: "CentreAdmin");

        var formed = Single((await SendAsync(arbitrator, new ListAssignedCasesQuery())).Cases, id);
        Assert.Equal([NeutralAssignment.Arbitrator], formed.Assignments);
        Assert.Equal(["holdHearing"], formed.OpenActions);
        Assert.Equal("Running", Assert.Single(formed.Deadlines, deadline => deadline.Clock == "DomesticAward").Status);
        // Only an arbitrator holds a case by the arbitrator's name.
        Assert.DoesNotContain((await SendAsync(mediatorOfTheSameName, new ListAssignedCasesQuery())).Cases, view => view.Id == id);

        await workflow.ActAsync(id, "holdHearing", new { hearingDate = "2026-04-20" }, roles: "Arbitrator");
        await workflow.ActAsync(id, "renderAward", new { awardDate = "2026-05-04", summary = "Respondent pays CNY 800,000." }, roles: "Arbitrator");
        var awarded = Single((await SendAsync(arbitrator, new ListAssignedCasesQuery())).Cases, id);
        Assert.True(awarded.Closed);
        Assert.Empty(awarded.OpenActions);
        Assert.Equal("Met", Assert.Single(awarded.Deadlines, deadline => deadline.Clock == "DomesticAward").Status);
        Assert.Contains(awarded.Steps, step => step.Action == "renderAward" && step.Date == new DateOnly(2026, 5, 4) && step.Text == "Respondent pays CNY 800,000.");

        var now = api.Clock.GetUtcNow();
        try
        {
            api.Clock.Advance(ListAssignedCasesQuery.RecentlyClosedWindow + TimeSpan.FromDays(1));
            Assert.DoesNotContain((await SendAsync(arbitrator, new ListAssignedCasesQuery())).Cases, view => view.Id == id);
            Assert.Equal("Awarded", (await SendAsync(arbitrator, new GetAssignedCaseQuery(new CaseId(id)))).State);
        }
        finally
        {
            api.Clock.Set(now);
        }
    }

    [Fact]
    public async Task A_rights_defence_case_in_mediation_is_every_centre_mediators_and_stays_with_the_one_who_ended_it()
    {
        var first = await NeutralAsync("q.mediator.wong", "Wong Mei", "Mediator");
        var second = await NeutralAsync("q.mediator.lam", "Lam Po", "Mediator");
        var hongKong = await NeutralAsync("q.mediator.hk", "Cheung Wing", "Mediator", centre: "HK");
        var id = await workflow.FileAsync(Filings.RightsDefence());
        await workflow.ActAsync(id, "acceptCase", new { infringementRegion = "GD" });
        await workflow.ActAsync(id, "referToMediation", new { complainantConsents = true, respondentConsents = true });

        var offered = Single((await SendAsync(first, new ListAssignedCasesQuery())).Cases, id);
        Assert.Equal([NeutralAssignment.CentreMediation], offered.Assignments);
        Assert.Equal(["recordSettlement", "endMediation"], offered.OpenActions);
        Assert.Equal("Paused", Assert.Single(offered.Deadlines, deadline => deadline.Clock == "HandlingDecision").Status);
        Assert.Contains((await SendAsync(second, new ListAssignedCasesQuery())).Cases, view => view.Id == id);
        Assert.DoesNotContain((await SendAsync(hongKong, new ListAssignedCasesQuery())).Cases, view => view.Id == id);

        using (var client = api.ClientAs(api, first.UserName, "Mediator", first.Centre))
        {
            var response = await client.PostAsJsonAsync($"/api/cases/{id}/actions/endMediation", new { payload = new { reason = "No agreement on royalties." } });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var ended = Single((await SendAsync(first, new ListAssignedCasesQuery())).Cases, id);
        Assert.True(ended.Closed);
        Assert.Contains(ended.Steps, step => step.Action == "endMediation" && step.Text == "No agreement on royalties.");
        Assert.DoesNotContain((await SendAsync(second, new ListAssignedCasesQuery())).Cases, view => view.Id == id);
    }

    [Fact]
    public async Task Staff_who_assign_list_their_centres_mediators_and_arbitrators_by_display_and_user_name()
    {
        await NeutralAsync("q.list.mediator", "Au Yeung Mei", "Mediator");
        await NeutralAsync("q.list.arbitrator", "Au Yeung Kit", "Arbitrator");
        await NeutralAsync("q.list.both", "Au Yeung Both", "Mediator,Arbitrator");
        await NeutralAsync("q.list.handler", "Au Yeung Handler", "CaseHandler");
        await NeutralAsync("q.list.hk", "Au Yeung HK", "Mediator", centre: "HK");
        var admin = await NeutralAsync("q.list.admin", "Centre Admin", "CentreAdmin");

        var all = await SendAsync(admin, new ListNeutralsQuery(new CentreCode("GD"), null));
        var mediators = await SendAsync(admin, new ListNeutralsQuery(new CentreCode("GD"), Role.Mediator));

        var ours = all.Where(neutral => neutral.UserName.StartsWith("q.list.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [("Au Yeung Both", "q.list.both"), ("Au Yeung Kit", "q.list.arbitrator"), ("Au Yeung Mei", "q.list.mediator")],
            ours.Select(neutral => (neutral.DisplayName, neutral.UserName)));
        Assert.Equal([Role.Mediator, Role.Arbitrator], ours[0].Roles);
        Assert.Equal(["q.list.both", "q.list.mediator"], mediators.Select(neutral => neutral.UserName).Where(name => name.StartsWith("q.list.", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<NotFoundException>(() => SendAsync(admin, new ListNeutralsQuery(new CentreCode("HK"), null)));
        var handler = await NeutralAsync("q.list.handler", "Au Yeung Handler", "CaseHandler");
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAsync(handler, new ListNeutralsQuery(new CentreCode("GD"), null)));
        await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => SendAsync(admin, new ListNeutralsQuery(new CentreCode("GD"), Role.CaseHandler)));
    }

    private static AssignedCaseView Single(IEnumerable<AssignedCaseView> cases, Guid id) => Assert.Single(cases, view => view.Id == id);

    private async Task<Guid> InMediationAsync(string mediator)
    {
        var id = await workflow.FileAsync(Filings.Mediation());
        await workflow.ActAsync(id, "notifyRespondent", roles: "IntakeOfficer");
        await workflow.ActAsync(id, "recordConsent", new { receivedOn = "2026-03-05" });
        await workflow.ActAsync(id, "assignMediator", new { mediator }, roles: "CentreAdmin");
        return id;
    }

    /// <summary>An account at a centre (GD unless named) in these roles, with its display name; returns who it is.</summary>
    private async Task<TestUser> NeutralAsync(string userName, string displayName, string roles, string centre = "GD")
    {
        var names = roles.Split(',');
        api.Accounts.TokenFor(userName, names, centre, null);
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE users SET display_name = $2 WHERE normalized_user_name = upper($1) RETURNING id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = userName });
        command.Parameters.Add(new NpgsqlParameter { Value = displayName });
        var id = (Guid)(await command.ExecuteScalarAsync())!;
        return new TestUser(id, userName, names, centre);
    }

    /// <summary>Sends the request through the application's pipeline as the user, as a request signed in as them would.</summary>
    private async Task<TResponse> SendAsync<TResponse>(TestUser user, IRequest<TResponse> request)
    {
        var identity = new ClaimsIdentity("test", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        CasesPrincipal.AddBelonging(identity, user.Roles, new CentreCode(user.Centre), null);
        var accessor = api.Services.GetRequiredService<IHttpContextAccessor>();
        await using var scope = api.Services.CreateAsyncScope();
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private sealed record TestUser(Guid Id, string UserName, IReadOnlyList<string> Roles, string Centre);
}
