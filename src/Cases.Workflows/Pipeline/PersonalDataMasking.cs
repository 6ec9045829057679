using System.Text.RegularExpressions;

namespace Cases.Workflows.Pipeline;

/// <summary>
/// Masks personal data (个人信息) in free text that must be logged, such as an exception's message
/// that echoes input: e-mail addresses, identity numbers (18-character PRC resident identity
/// numbers and unified social credit codes, Hong Kong and Macau identity cards, passport-like
/// numbers), phone numbers, organisation names (… Co., Ltd., …有限公司) and values labelled as a
/// name. A person's name standing alone cannot be told from other words, so log messages must not
/// be built from input in the first place; this is the second line of defence, not the first.
/// </summary>
public static partial class PersonalDataMasking
{
    public const string MaskedEmail = "[email]";
    public const string MaskedIdentifier = "[id]";
    public const string MaskedPhone = "[phone]";
    public const string MaskedName = "[name]";

    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        // Most specific first: an e-mail holds digits a phone pattern would take, an identifier holds a phone-like run.
        var masked = Email().Replace(text, MaskedEmail);
        masked = EighteenCharacterIdentifier().Replace(masked, MaskedIdentifier);
        masked = HongKongOrMacauIdentityCard().Replace(masked, MaskedIdentifier);
        masked = PassportLikeNumber().Replace(masked, MaskedIdentifier);
        masked = PhoneNumber().Replace(masked, MaskedPhone);
        masked = LabelledName().Replace(masked, match => match.Groups["label"].Value + MaskedName);
        masked = OrganisationName().Replace(masked, MaskedName);
        masked = ChineseOrganisationName().Replace(masked, MaskedName);
        return masked;
    }

    /// <summary>The exception as it may be logged: the same type name and stack trace, every message (inner ones too) masked.</summary>
    public static Exception ForLog(Exception exception) => new MaskedException(exception);

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>PRC resident identity number (17 digits and a check digit or X) or unified social credit code (18 of 0-9 and A-Y).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?=[0-9A-Za-z]{18}(?![\p{L}\p{N}]))(?=(?:[A-Za-z]*[0-9]){6})[0-9A-Za-z]{18}", RegexOptions.CultureInvariant)]
    private static partial Regex EighteenCharacterIdentifier();

    /// <summary>Hong Kong (A123456(7), AB9876543) and Macau (1234567(8)) identity cards.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:[A-Z]{1,2}[0-9]{6}\s?\(?[0-9A]\)?|[1578][0-9]{6}\s?\([0-9]\))(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex HongKongOrMacauIdentityCard();

    /// <summary>Passport and travel-permit numbers: one or two letters and 7 or 8 digits (E12345678, G1234567, C12345678).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Z]{1,2}[0-9]{7,8}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PassportLikeNumber();

    /// <summary>
    /// +86 20 8888 0000, 020-88880000, 13800138000, 2123 4567: seven or more digits in groups,
    /// optionally with a country code; not a date (2026-03-02) nor part of a GUID (bounded by hyphens).
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}+.:-])(?:\+[0-9]{1,3}[\s-]?)?(?:\(?[0-9]{2,4}\)?[\s-]?)?[0-9]{3,4}[\s-]?[0-9]{4}(?![\p{L}\p{N}-])", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    /// <summary>A value labelled as a name: <c>name: …</c>, <c>party='…'</c>, <c>姓名：…</c>, up to the end of the clause.</summary>
    [GeneratedRegex(@"(?<label>(?:\b(?:[Nn]ame|[Pp]arty|[Pp]erson|[Aa]pplicant|[Rr]espondent|[Cc]omplainant)\b|姓名|名称|当事人)\s*[:=：]\s*)(?:'[^']*'|""[^""]*""|[^,;，；\r\n]+)", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledName();

    [GeneratedRegex(@"(?:[\p{Lu}][\p{L}\p{N}&'.-]*\s+){1,8}(?:Co\.,?\s*Ltd\.?|Company\s+Limited|Limited|Ltd\.?|Inc\.?|Corporation|Corp\.?|LLC|GmbH)", RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationName();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{2,40}?(?:股份有限公司|有限责任公司|有限公司|公司|集团|事务所|研究院|研究所)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseOrganisationName();

    /// <summary>Stands in for the original when it is logged; its type is named in the message, so nothing is lost but the data.</summary>
    private sealed class MaskedException(Exception original)
        : Exception($"{original.GetType().FullName}: {Mask(original.Message)}", original.InnerException is null ? null : new MaskedException(original.InnerException))
    {
        public override string? StackTrace => original.StackTrace;

        public override string ToString() =>
            InnerException is null
                ? $"{Message}{Environment.NewLine}{StackTrace}"
                : $"{Message}{Environment.NewLine} ---> {InnerException}{Environment.NewLine}   --- End of inner exception stack trace ---{Environment.NewLine}{StackTrace}";
    }
}
