using System.Security.Cryptography;
using Cases.Domain.Enterprises.Rules;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>Key enterprises for tests: valid, unique credit codes and registration through the API.</summary>
public static class TestEnterprises
{
    /// <summary>A fresh unified social credit code with a correct check character.</summary>
    public static string NewCreditCode()
    {
        const string alphabet = UnifiedSocialCreditCodeMustBeValidRule.Alphabet;
        // "91" (an enterprise) and a 6-digit area code, then 9 random characters of the standard's alphabet.
        var first17 = "91440000" + new string([.. Enumerable.Range(0, 9).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)])]);
        return first17 + UnifiedSocialCreditCodeMustBeValidRule.CheckCharacterOf(first17);
    }

    /// <summary>The body of a registration that meets the criteria (a high-tech enterprise).</summary>
    public static Dictionary<string, object?> Registration(string centre, string name, string? creditCode = null) => new()
    {
        ["centre"] = centre,
        ["name"] = name,
        ["unifiedSocialCreditCode"] = creditCode ?? NewCreditCode(),
        ["highTechEnterprise"] = true,
        ["highTechCertificateNumber"] = "GR202644000123",
        ["patentsAndTrademarks"] = 12,
    };

    /// <summary>Registers a key enterprise through <paramref name="client"/>; returns its id.</summary>
    public static async Task<Guid> RegisterAsync(HttpClient client, string centre, string name)
    {
        var response = await client.PostAsJsonAsync("/api/enterprises", Registration(centre, name));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register enterprise: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }
}
