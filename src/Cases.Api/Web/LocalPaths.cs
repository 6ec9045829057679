namespace Cases.Api.Web;

/// <summary>Where a form may send the reader back to: only a path on this site.</summary>
public static class LocalPaths
{
    /// <summary>The path if it is a well-formed local one, else the home page: an absolute URL would make the form an open redirect.</summary>
    public static string OrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2000 }
        && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        // Control characters or spaces would make the redirect itself fail (a 500 after a good sign-in).
        && !returnUrl.Any(character => char.IsControl(character) || char.IsWhiteSpace(character))
        && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
            ? returnUrl
            : "/";
}
