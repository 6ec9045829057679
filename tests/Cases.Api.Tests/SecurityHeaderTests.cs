namespace Cases.Api.Tests;

/// <summary>The browser-hardening headers on every kind of response (ADR 0014).</summary>
public sealed class SecurityHeaderTests(CasesApi api) : IClassFixture<CasesApi>
{
    public static TheoryData<string> Pages => new() { "/api/cases", "/api/cases/00000000-0000-0000-0000-000000000001", "/signin", "/healthz", "/api-docs/index.html" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await api.Admin().GetAsync(path);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Equal(["same-origin"], response.Headers.GetValues("Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
        // Not over plain HTTP: a browser would ignore it, and a developer's http://localhost must keep working.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task API_responses_are_never_cached_errors_included()
    {
        var found = await api.Admin().GetAsync("/api/cases");
        var missing = await api.Admin().GetAsync("/api/cases/00000000-0000-0000-0000-000000000001");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(found.Headers.CacheControl?.NoStore);
        Assert.True(missing.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_API_page_may_style_itself_but_runs_no_inline_script()
    {
        var page = await api.CreateClient().GetAsync("/api-docs/index.html");

        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_HTTPS_browsers_are_told_to_stay_on_HTTPS()
    {
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/healthz");

        Assert.Equal(["max-age=31536000; includeSubDomains"], response.Headers.GetValues("Strict-Transport-Security"));
    }
}
