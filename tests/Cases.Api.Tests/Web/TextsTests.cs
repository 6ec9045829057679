using System.Text.RegularExpressions;
using Cases.Api.Web;
using Cases.Workflows.Engine.Catalog;
using Cases.Workflows.Pipelines;

namespace Cases.Api.Tests.Web;

/// <summary>
/// Every word the interface shows has its Simplified and Traditional Chinese: each text file's
/// entries, each text a page or page model asks for by its English, and each state, action and
/// field of every workflow.
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

    /// <summary>T["…"] and texts["…"], with or without format arguments.</summary>
    [GeneratedRegex(@"\b(?:T|texts|Texts)\[""(?<english>(?:[^""\\]|\\.)*)""", RegexOptions.CultureInvariant)]
    private static partial Regex TextLookup();
}
