using System.Globalization;
using Cases.Domain.Cases;
using Cases.Domain.Rights;
using Cases.Workflows.Cases.FileCase;
using Cases.Workflows.Enterprises;

namespace Cases.Api.Pages.Portal;

/// <summary>
/// The guided filing form as posted: inputs are named as the API's JSON (<c>parties[0].name</c>,
/// <c>rights[2].number</c>), so a refusal's field path is its input's name. The enterprise is the
/// first party (applicant, or complainant in rights defence); the second is the other side; of the
/// right rows, blank ones are left out.
/// </summary>
public sealed class FilingForm
{
    /// <summary>Rows for rights on the page without JavaScript; a case may concern more through the API.</summary>
    public const int RightRows = 3;

    /// <summary>Index of the enterprise's own party, and of the other side.</summary>
    public const int OwnParty = 0;
    public const int OtherParty = 1;

    public string Kind { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Summary { get; init; } = string.Empty;

    public PartyRow Own { get; init; } = new();

    public PartyRow Other { get; init; } = new() { Kind = nameof(PartyKind.Organisation) };

    public IReadOnlyList<RightRow> Rights { get; init; } = [.. Enumerable.Range(0, RightRows).Select(_ => new RightRow())];

    /// <summary>A fresh form with the enterprise as the filing party and the first right an invention patent.</summary>
    public static FilingForm For(KeyEnterpriseView enterprise) => new()
    {
        Own = new PartyRow { Kind = nameof(PartyKind.Organisation), Name = enterprise.Name, Identifier = enterprise.UnifiedSocialCreditCode },
        Rights = [.. Enumerable.Range(0, RightRows).Select(row => new RightRow { Kind = row == 0 ? nameof(IntellectualPropertyKind.InventionPatent) : string.Empty })],
    };

    public static FilingForm From(IFormCollection form)
    {
        string Text(string name) => form[name].ToString().Trim();
        PartyRow Party(int index) => new()
        {
            Kind = Text($"parties[{index}].kind"),
            Name = Text($"parties[{index}].name"),
            Identifier = Text($"parties[{index}].identifier"),
            Email = Text($"parties[{index}].email"),
            Phone = Text($"parties[{index}].phone"),
            Address = Text($"parties[{index}].address"),
        };
        return new FilingForm
        {
            Kind = Text("kind"),
            Title = Text("title"),
            Summary = Text("summary"),
            Own = Party(OwnParty) with { Kind = nameof(PartyKind.Organisation) },
            Other = Party(OtherParty),
            Rights = [.. Enumerable.Range(0, RightRows).Select(row => new RightRow { Kind = Text($"rights[{row}].kind"), Number = Text($"rights[{row}].number"), Title = Text($"rights[{row}].title") })],
        };
    }

    public CaseKind? ChosenKind => Parse<CaseKind>(Kind);

    /// <summary>
    /// The command the API would receive, and for each right in it the row it came from (blank rows
    /// are left out, so the two can differ). The centre is left out: the enterprise's own is used.
    /// </summary>
    public (FileCaseCommand Command, IReadOnlyList<int> RightRowsUsed) ToCommand()
    {
        // The party that brings the case is named by what the case is (CaseMustBeFiledByThePartyItsKindExpectsRule).
        var ownRole = ChosenKind == CaseKind.RightsDefence ? PartyRole.Complainant : PartyRole.Applicant;
        var parties = new List<FileCaseCommand.PartyInput> { Own.ToInput(ownRole) };
        if (!Other.IsBlank)
        {
            parties.Add(Other.ToInput(PartyRole.Respondent));
        }

        var rows = Enumerable.Range(0, Rights.Count).Where(row => !Rights[row].IsBlank).ToList();
        var rights = rows.Select(row => Rights[row].ToInput()).ToList();
        return (new FileCaseCommand(null, ChosenKind, Title, parties, rights, NullIfBlank(Summary)), rows);
    }

    internal static TEnum? Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? parsed : null;

    internal static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    public sealed record PartyRow
    {
        public string Kind { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string Identifier { get; init; } = string.Empty;

        public string Email { get; init; } = string.Empty;

        public string Phone { get; init; } = string.Empty;

        public string Address { get; init; } = string.Empty;

        /// <summary>Nothing written about this party (its kind alone is a default, not an answer).</summary>
        public bool IsBlank => string.IsNullOrWhiteSpace(Name + Identifier + Email + Phone + Address);

        public FileCaseCommand.PartyInput ToInput(PartyRole role) =>
            new(role, Parse<PartyKind>(Kind), NullIfBlank(Name), NullIfBlank(Identifier), NullIfBlank(Email), NullIfBlank(Phone), NullIfBlank(Address));
    }

    public sealed record RightRow
    {
        public string Kind { get; init; } = string.Empty;

        public string Number { get; init; } = string.Empty;

        public string Title { get; init; } = string.Empty;

        public bool IsBlank => string.IsNullOrWhiteSpace(Number + Title);

        public IntellectualPropertyKind? RightKind => Parse<IntellectualPropertyKind>(Kind);

        public FileCaseCommand.RightInput ToInput() => new(RightKind, NullIfBlank(Number), NullIfBlank(Title));
    }
}
