namespace Cases.Api;

/// <summary>
/// What to do, read from the command line: <c>migrate</c> applies pending migrations and exits;
/// <c>--demo</c> seeds demonstration data before serving. Everything else goes to the host
/// (e.g. <c>--urls</c>).
/// </summary>
public sealed record CasesCommandLine(bool MigrateOnly, bool SeedDemoData, string[] HostArguments)
{
    public static CasesCommandLine Parse(string[] args) => new(
        args.Contains("migrate"),
        args.Contains("--demo"),
        args.Where(argument => argument is not ("migrate" or "--demo")).ToArray());
}
