using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Cases.Api.Web;

/// <summary>
/// The words of the web interface in Simplified and Traditional Chinese, keyed by their English.
/// They live in <c>Web/Texts/*.json</c> (one file per area of the interface, embedded in the
/// assembly): <c>{"Sign in": {"zh-Hans": "登录", "zh-Hant": "登入"}}</c>. English is the key
/// (an optional "en" entry rewords it),
/// itself, so a missing translation shows English rather than a key, and a test lists every text
/// the pages ask for that has no translation.
/// </summary>
public sealed class Texts : IStringLocalizer
{
    private const string ResourcePrefix = "Cases.Api.Web.Texts.";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage;

    public Texts()
        : this(LoadEmbedded())
    {
    }

    public Texts(IEnumerable<TextFile> files)
    {
        var merged = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (english, translations) in file.Entries)
            {
                foreach (var (language, text) in translations)
                {
                    if (!merged.TryGetValue(language, out var texts))
                    {
                        merged[language] = texts = new Dictionary<string, string>(StringComparer.Ordinal);
                    }

                    if (!texts.TryAdd(english, text) && texts[english] != text)
                    {
                        throw new InvalidOperationException($"Texts: \"{english}\" has two {language} translations (in {file.Name} and another file).");
                    }
                }
            }
        }

        byLanguage = merged.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The text in the current UI culture's language, or the English it is keyed by.</summary>
    public LocalizedString this[string name] => Find(name, CultureInfo.CurrentUICulture);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, found.Value, arguments), found.ResourceNotFound);
        }
    }

    /// <summary>The translation into one language, if there is one; for English, the key.</summary>
    public string? Translation(string english, string languageCode) =>
        byLanguage.GetValueOrDefault(languageCode)?.GetValueOrDefault(english)
        ?? (languageCode == Languages.English.Code ? english : null);

    /// <summary>The entry written for one language, if the files have one (no fallback to the key).</summary>
    public string? Entry(string english, string languageCode) =>
        byLanguage.GetValueOrDefault(languageCode)?.GetValueOrDefault(english);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        byLanguage.GetValueOrDefault(LanguageOf(CultureInfo.CurrentUICulture))?.Select(pair => new LocalizedString(pair.Key, pair.Value))
        ?? [];

    /// <summary>Our language code of a culture: zh-Hans, zh-Hant or en.</summary>
    public static string LanguageOf(CultureInfo culture)
    {
        for (var current = culture; current != CultureInfo.InvariantCulture; current = current.Parent)
        {
            if (Languages.FromCode(current.Name) is { } language)
            {
                return language.Code;
            }
        }

        return Languages.English.Code;
    }

    private LocalizedString Find(string name, CultureInfo culture)
    {
        var language = LanguageOf(culture);
        if (language == Languages.English.Code)
        {
            // An "en" entry rewords a key that is a name, not a sentence (e.g. "Submit to CNIPA" for submitToCnipa).
            return new LocalizedString(name, byLanguage.GetValueOrDefault(language)?.GetValueOrDefault(name) ?? name);
        }

        return byLanguage.GetValueOrDefault(language)?.GetValueOrDefault(name) is { } text
            ? new LocalizedString(name, text)
            : new LocalizedString(name, name, resourceNotFound: true);
    }

    /// <summary>Every text file embedded in this assembly.</summary>
    public static IReadOnlyList<TextFile> LoadEmbedded()
    {
        var assembly = typeof(Texts).Assembly;
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(name => TextFile.Read(name[ResourcePrefix.Length..], assembly.GetManifestResourceStream(name)!)),
        ];
    }
}

/// <summary>One file of texts: English → (language code → text).</summary>
public sealed record TextFile(string Name, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Entries)
{
    private static readonly JsonSerializerOptions Options = new() { AllowDuplicateProperties = false };

    public static TextFile Read(string name, Stream stream)
    {
        using (stream)
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream, Options)
                ?? throw new InvalidOperationException($"Texts: {name} is empty.");
            return new TextFile(name, entries.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, string>)pair.Value, StringComparer.Ordinal));
        }
    }
}
