using Cases.Workflows.Pipeline;
using Xunit;

namespace Cases.Workflows.Tests;

public sealed class PersonalDataMaskingTests
{
    [Theory]
    [InlineData("Call +86 20 8888 0000 today", "Call [phone] today")]
    [InlineData("mobile 13800138000.", "mobile [phone].")]
    [InlineData("office 020-88880000", "office [phone]")]
    [InlineData("Hong Kong 2123 4567", "Hong Kong [phone]")]
    [InlineData("Macau +853 2888 1234", "Macau [phone]")]
    public void Phone_numbers_are_masked(string text, string expected) => Assert.Equal(expected, PersonalDataMasking.Mask(text));

    [Theory]
    [InlineData("code 91440101MA59XXXX1K refused", "code [id] refused")]
    [InlineData("ID 11010519491231002X", "ID [id]")]
    [InlineData("HKID A123456(7) and Z6837205", "HKID [id] and [id]")]
    [InlineData("Macau BIR 1234567(8)", "Macau BIR [id]")]
    [InlineData("passport E12345678, permit C1234567", "passport [id], permit [id]")]
    public void Identity_numbers_and_credit_codes_are_masked(string text, string expected) => Assert.Equal(expected, PersonalDataMasking.Mask(text));

    [Theory]
    [InlineData("write to legal@lingnan.example now", "write to [email] now")]
    [InlineData("Lingnan Clean Air Technology Co., Ltd. complained", "[name] complained")]
    [InlineData("by Macau Light Trading Ltd. and 广州岭南清洁空气科技有限公司", "by [name] and [name]")]
    [InlineData("party name: Chan Tai Man, phone missing", "party name: [name], phone missing")]
    [InlineData("姓名：陈大文；", "姓名：[name]；")]
    public void Emails_and_names_are_masked(string text, string expected) => Assert.Equal(expected, PersonalDataMasking.Mask(text));

    [Theory]
    [InlineData("Case 'GD-2026-000123' was not found.")]
    [InlineData("Deadline 0199a3f2-1234-5678-9abc-def012345678 due 2026-03-02T01:30:00.0000000+00:00")]
    [InlineData("GetCaseQuery failed after 12.5 ms with NotFoundException")]
    [InlineData("'parties[0].name' must not be empty.")]
    [InlineData("")]
    public void Ordinary_log_text_is_left_as_it_is(string text) => Assert.Equal(text, PersonalDataMasking.Mask(text));

    [Fact]
    public void An_exception_is_logged_with_its_type_and_stack_but_its_messages_masked()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("Could not notify +86 20 8888 0000", new FormatException("Bad code 91440101MA59XXXX1K"));
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        var logged = PersonalDataMasking.ForLog(thrown);

        var text = logged.ToString();
        Assert.Contains("System.InvalidOperationException: Could not notify [phone]", text, StringComparison.Ordinal);
        Assert.Contains("System.FormatException: Bad code [id]", text, StringComparison.Ordinal);
        Assert.Contains(nameof(An_exception_is_logged_with_its_type_and_stack_but_its_messages_masked), text, StringComparison.Ordinal);
        Assert.DoesNotContain("8888", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MA59", text, StringComparison.Ordinal);
    }
}
