using Cases.Api.Web;
using Cases.Workflows.Cases;
using DomainActor = Cases.Domain.Common.Actor;

namespace Cases.Api.Pages.Portal;

/// <summary>Words the portal's pages share.</summary>
public static class PortalTexts
{
    /// <summary>Who took a step, as an enterprise may know it: its own users by name, otherwise the centre or the system.</summary>
    public static string Actor(string actor, Texts texts) =>
        actor == CaseAudience.CentreStaff ? texts["The centre"]
        : actor == DomainActor.System.Name || actor.StartsWith(DomainActor.System.Name + ":", StringComparison.Ordinal) ? texts["Automatically, when a time limit ran out"]
        : actor;
}
