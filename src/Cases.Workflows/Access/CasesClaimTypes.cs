namespace Cases.Workflows.Access;

/// <summary>The claims Cases adds to a signed-in principal, beyond Identity's name, id and roles.</summary>
public static class CasesClaimTypes
{
    /// <summary>The staff member's centre code.</summary>
    public const string Centre = "cases:centre";

    /// <summary>The enterprise (id) an enterprise user, or a personal access token, acts for.</summary>
    public const string Enterprise = "cases:enterprise";

    /// <summary>The id of the access token the request came with, if it came with one.</summary>
    public const string Token = "cases:token";

    /// <summary>Present (value "true") when the request came with a personal access token rather than a person's own sign-in.</summary>
    public const string PersonalAccessToken = "cases:pat";
}
