namespace Cases.Workflows.Access;

/// <summary>
/// The username and password did not sign anyone in (401). The message is the same whether the
/// user is unknown, the password wrong or the account locked, so it reveals no account.
/// </summary>
public sealed class SignInFailedException() : Exception("The username or password is wrong, or the account is locked for now. Try again later.");
