using System.Reflection;
using System.Text.RegularExpressions;
using Cases.Api.Web;
using Cases.Domain.Access;
using Cases.Domain.Cases;
using Cases.Domain.Deadlines;
using Cases.Domain.Regions;
using Cases.Domain.Rights;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Pipelines;

namespace Cases.Api.Tests.Web;

/// <summary>
/// Every word the interface shows has its Simplified and Traditional Chinese: each text file's
/// entries, each text a page or page model asks for by its English, and each state, action and
/// field of every workflow, and the names pages show beside them: deadline clocks and statuses,
/// case kinds, roles, party roles, kinds of right, and the timeline's event types.
/// </summary>
public sealed partial class TextsTests
{
    private static readonly Texts Texts = new();

    /// <summary>Workflow state and action names: Simplified Chinese comes from the definitions, so this file holds only Traditional.</summary>
    private const string WorkflowTermsFile = "workflow-terms.json";

    [Fact]
    public void Every_text_has_both_chinese_translations_and_no_other_language()
    {
        var problems = new List<string>();
        foreach (var file in Texts.LoadEmbedded())
        {
            var required = file.Name == WorkflowTermsFile ? new[] { "zh-Hant" } : ["zh-Hans", "zh-Hant"];
            foreach (var (english, translations) in file.Entries)
            {
                problems.AddRange(required.Where(language => !translations.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text))
                    .Select(language => $"{file.Name}: \"{english}\" has no {language}"));
                problems.AddRange(translations.Keys.Where(language => Languages.FromCode(language) is null)
                    .Select(language => $"{file.Name}: \"{english}\" has an unknown language {language}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(Texts.LoadEmbedded().Count > 0);
    }

    [Fact]
    public void Every_text_a_page_asks_for_is_translated()
    {
        var source = SourceDirectory();
        var asked = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(path => (path.EndsWith(".cshtml", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal))
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => TextLookup().Matches(File.ReadAllText(path)).Select(match => (Path: Path.GetRelativePath(source, path), English: Regex.Unescape(match.Groups["english"].Value))))
            .ToList();

        var missing = asked.Where(text => Texts.Translation(text.English, "zh-Hans") is null || Texts.Translation(text.English, "zh-Hant") is null)
            .Select(text => $"{text.Path}: \"{text.English}\"")
            .Distinct()
            .ToList();

        Assert.True(asked.Count > 20, $"only {asked.Count} texts found: is the pattern still right?");
        Assert.True(missing.Count == 0, "Untranslated:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_state_action_and_field_of_every_workflow_has_its_traditional_chinese()
    {
        var catalog = new WorkflowCatalog([new FastTrackPreExaminationWorkflow(), new RightsDefenceWorkflow(), new MediationArbitrationWorkflow()]);
        var problems = new List<string>();
        foreach (var definition in catalog.All)
        {
            problems.AddRange(definition.States.Select(state => state.Name)
                .Concat(definition.Transitions.Select(transition => transition.Action))
                .Select(WorkflowTerms.Words)
                .Where(english => Texts.Translation(english, "zh-Hant") is null)
                .Select(english => $"{definition}: \"{english}\" has no zh-Hant"));
            problems.AddRange(definition.Transitions.SelectMany(transition => transition.Payload)
                .SelectMany(field => (field.AllowedValues ?? []).Append(field.Name))
                .Select(WorkflowTerms.Words)
                .Where(english => Texts.Translation(english, "zh-Hans") is null || Texts.Translation(english, "zh-Hant") is null)
                .Select(english => $"{definition}: field \"{english}\" is not translated"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void Every_state_and_action_of_every_workflow_has_its_simplified_chinese_in_the_definition()
    {
        var problems = new List<string>();
        foreach (var definition in Catalog().All)
        {
            if (string.IsNullOrWhiteSpace(definition.ChineseName) || Texts.Translation(definition.Name, "zh-Hant") is null)
            {
                problems.Add($"{definition}: the workflow \"{definition.Name}\" lacks its Chinese name or its zh-Hant");
            }

            problems.AddRange(definition.States.Where(state => string.IsNullOrWhiteSpace(state.ChineseName))
                .Select(state => $"{definition}: state {state.Name} has no ChineseName"));
            problems.AddRange(definition.Transitions.Where(transition => string.IsNullOrWhiteSpace(transition.ChineseName))
                .Select(transition => $"{definition}: action {transition.Action} has no ChineseName"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Workflow_terms_holds_only_names_of_workflows_states_and_actions()
    {
        // A name, or a name one workflow words its own way ("fast-track-pre-examination: Withdrawn").
        var names = Catalog().All
            .SelectMany(definition => definition.States.Select(state => WorkflowTerms.Words(state.Name))
                .Concat(definition.Transitions.Select(transition => WorkflowTerms.Words(transition.Action)))
                .SelectMany(words => new[] { words, WorkflowTerms.Scoped(definition.Id, words) })
                .Append(definition.Name))
            .ToHashSet(StringComparer.Ordinal);
        var file = Texts.LoadEmbedded().Single(file => file.Name == WorkflowTermsFile);

        var stale = file.Entries.Keys.Where(english => !names.Contains(english)).ToList();

        Assert.True(stale.Count == 0, "Not a workflow, state or action (renamed?):\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Every_clock_of_every_workflow_has_both_chinese_names()
    {
        var clocks = Sources.SelectMany(source => source.DeadlineRules().Select(rule => rule.Clock))
            .Concat(Catalog().All.SelectMany(definition => definition.States.SelectMany(state => state.OnEnter)
                .Concat(definition.Transitions.SelectMany(transition => transition.Clocks))
                .Select(operation => operation.Clock)))
            .ToList();

        Assert.NotEmpty(clocks);
        AssertTranslated("clock", clocks);
    }

    [Fact]
    public void Every_event_a_case_timeline_records_has_both_chinese_names()
    {
        var builtIn = typeof(CaseEventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();
        var recorded = Catalog().All.SelectMany(definition => definition.Transitions.Select(transition => transition.EventType)).ToList();

        Assert.Contains(CaseEventTypes.CaseFiled, builtIn);
        AssertTranslated("event", builtIn.Concat(recorded));
    }

    [Fact]
    public void Every_case_kind_role_deadline_status_party_role_and_kind_of_right_has_both_chinese_names()
    {
        AssertTranslated("case kind", Enum.GetNames<CaseKind>());
        AssertTranslated("role", Enum.GetNames<Role>());
        AssertTranslated("deadline status", Enum.GetNames<DeadlineStatus>());
        AssertTranslated("party role", Enum.GetNames<PartyRole>());
        AssertTranslated("party kind", Enum.GetNames<PartyKind>());
        AssertTranslated("kind of right", Enum.GetNames<IntellectualPropertyKind>());
    }

    [Fact]
    public void A_region_offered_as_a_choice_reads_as_the_region_name()
    {
        foreach (var region in Region.All)
        {
            var english = WorkflowTerms.Words(region.Code);
            Assert.Equal(region.SimplifiedChineseName, Texts.Translation(english, "zh-Hans"));
            Assert.Equal(region.TraditionalChineseName, Texts.Translation(english, "zh-Hant"));
            Assert.Equal(region.EnglishName, Texts.Translation(english, "en"));
        }
    }

    [Fact]
    public void An_acronym_in_a_workflow_name_reads_in_capitals_in_english()
    {
        var definitions = Catalog().All;
        var names = definitions.SelectMany(definition => definition.States.Select(state => state.Name)
                .Concat(definition.Transitions.SelectMany(transition => transition.Payload.SelectMany(field => (field.AllowedValues ?? []).Append(field.Name))
                    .Append(transition.Action).Append(transition.EventType))))
            .Concat(Sources.SelectMany(source => source.DeadlineRules().Select(rule => rule.Clock)))
            .Select(WorkflowTerms.Words)
            .Distinct();

        var lowercase = names.Where(english => Acronym().IsMatch(Texts.Translation(english, "en")!)).ToList();

        Assert.True(lowercase.Count == 0, "Needs an \"en\" rewording:\n" + string.Join("\n", lowercase));
    }

    [Theory]
    [InlineData("fast-track-pre-examination", "Withdrawn", "zh-Hant", "視為撤回")]
    [InlineData("fast-track-pre-examination", "Withdrawn", "en", "Deemed withdrawn")]
    [InlineData("fast-track-pre-examination", "Withdrawn", "zh-Hans", "视为撤回")]
    [InlineData("mediation-arbitration", "Filed", "zh-Hant", "已申請")]
    [InlineData("mediation-arbitration", "Filed", "en", "Filed")]
    [InlineData("rights-defence", "Filed", "zh-Hant", "已收件待分流")]
    public void A_state_one_workflow_names_its_own_way_reads_so_in_that_workflow_only(string workflow, string state, string language, string expected)
    {
        var terms = new WorkflowTerms(Texts, Catalog());
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language);
            Assert.Equal(expected, terms.State(workflow, 1, state));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("AwaitingConsent", "Awaiting consent")]
    [InlineData("recordJudicialConfirmationApplication", "Record judicial confirmation application")]
    [InlineData("submitToCnipa", "Submit to cnipa")]
    [InlineData("receivedOn", "Received on")]
    public void An_identifier_reads_as_words(string identifier, string words) =>
        Assert.Equal(words, WorkflowTerms.Words(identifier));

    [Theory]
    [InlineData("zh-HK,zh;q=0.9,en;q=0.8", "zh-Hant")]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("zh-Hant-MO", "zh-Hant")]
    [InlineData("zh-CN,zh;q=0.9", "zh-Hans")]
    [InlineData("zh", "zh-Hans")]
    [InlineData("fr-FR,en-US;q=0.7", "en")]
    [InlineData("de;q=0.9,zh-MO;q=0.5", "zh-Hant")]
    [InlineData("en;q=0.2,zh-CN;q=0.8", "zh-Hans")]
    public void Accept_language_picks_the_first_of_our_languages_by_quality(string header, string expected) =>
        Assert.Equal(expected, Languages.FromAcceptLanguage(header)?.Code);

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("")]
    [InlineData("*")]
    public void Accept_language_without_any_of_ours_chooses_nothing(string header) =>
        Assert.Null(Languages.FromAcceptLanguage(header));

    [Theory]
    [InlineData("HK", "zh-Hant")]
    [InlineData("MO", "zh-Hant")]
    [InlineData("GD", "zh-Hans")]
    [InlineData("YN", "zh-Hans")]
    [InlineData(null, "zh-Hans")]
    public void Hong_Kong_and_Macao_centres_read_traditional_chinese_the_mainland_simplified(string? centre, string expected) =>
        Assert.Equal(expected, Languages.DefaultForCentre(centre).Code);

    private static readonly IWorkflowDefinitionSource[] Sources =
        [new FastTrackPreExaminationWorkflow(), new RightsDefenceWorkflow(), new MediationArbitrationWorkflow()];

    private static WorkflowCatalog Catalog() => new(Sources);

    /// <summary>Each name, in words, has a Simplified and a Traditional Chinese text.</summary>
    private static void AssertTranslated(string what, IEnumerable<string> names)
    {
        var missing = names.Select(WorkflowTerms.Words)
            .Distinct()
            .Where(english => Texts.Translation(english, "zh-Hans") is null || Texts.Translation(english, "zh-Hant") is null)
            .Select(english => $"{what} \"{english}\" is not translated")
            .ToList();

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>src/Cases.Api, found from the test's output folder.</summary>
    private static string SourceDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cases.sln")))
            {
                return Path.Combine(directory.FullName, "src", "Cases.Api");
            }
        }

        throw new InvalidOperationException("Cases.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>An acronym the identifier-to-words rule lowercases: "Submit to cnipa".</summary>
    [GeneratedRegex(@"\b(?:cnipa|Cnipa|pct|Pct|ipc|Ipc)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Acronym();

    /// <summary>T["…"] and texts["…"], with or without format arguments.</summary>
    [GeneratedRegex(@"\b(?:T|texts|Texts)\[""(?<english>(?:[^""\\]|\\.)*)""", RegexOptions.CultureInvariant)]
    private static partial Regex TextLookup();
}
