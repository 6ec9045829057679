namespace Cases.Workflows.Audit;

/// <summary>
/// The tamper-evident audit log (审计日志): append-only, each entry chained to the one before by
/// its hash, so that an altered or removed entry is found by <c>GET /api/audit/verify</c>.
/// </summary>
public interface IAuditTrail
{
    /// <summary>
    /// Appends one entry: inside the open transaction of the request's database context when there
    /// is one (so it commits or rolls back with the change), otherwise in a transaction of its own.
    /// </summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);
}

/// <summary>One thing that happened: who (name and user id), from where, what, to which subject.</summary>
public sealed record AuditRecord(
    AuditKind Kind,
    string Actor,
    Guid? UserId,
    string? SourceAddress,
    string? Subject,
    string Summary);

public enum AuditKind
{
    /// <summary>A successful sign-in (cookie or token).</summary>
    SignIn = 1,

    /// <summary>A failed sign-in: unknown user, wrong password, or locked out.</summary>
    SignInFailed = 2,

    /// <summary>A read of one case or of part of it (timeline, diagram, deadlines, actions).</summary>
    CaseRead = 3,

    /// <summary>A change: any command that committed.</summary>
    Change = 4,
}

/// <summary>Where the current request came from (the client's address), for the audit log.</summary>
public interface IRequestOrigin
{
    string? SourceAddress { get; }
}
