using Cases.Api.Web;
using Cases.Workflows.Cases;
using DomainActor = Cases.Domain.Common.Actor;

namespace Cases.Api.Pages.Portal;

/// <summary>Words the portal's pages share.</summary>
public static class PortalTexts
{
    /// <summary>Days left to a last day, or overdue, as the deadlines table says it.</summary>
    public static string DaysLeft(int days, Texts texts) => days switch
    {
        < 0 => texts["Overdue by {0} days", -days],
        0 => texts["Due today"],
        1 => texts["1 day left"],
        _ => texts["{0} days left", days],
    };

    /// <summary>Who took a step, as an enterprise may know it: its own users by name, otherwise the centre or the system.</summary>
    public static string Actor(string actor, Texts texts) =>
        actor == CaseAudience.CentreStaff ? texts["The centre"]
        : actor == DomainActor.System.Name || actor.StartsWith(DomainActor.System.Name + ":", StringComparison.Ordinal) ? texts["Automatically, when a time limit ran out"]
        : actor;
}
