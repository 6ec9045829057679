namespace Cases.Workflows.Idempotency;

/// <summary>
/// The Idempotency-Key the current request came with, if any: set by the API before it sends the
/// command, read by <see cref="IdempotencyKeys"/> inside the command's transaction. Scoped to the
/// request, so the workflows need know nothing of HTTP.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>The user the key belongs to: keys are each user's own.</summary>
    public Guid UserId { get; private set; }

    /// <summary>The key as the client sent it; null when the request came without one.</summary>
    public string? Key { get; private set; }

    /// <summary>SHA-256 of the request's method, path and body: what the key stands for.</summary>
    public byte[] Fingerprint { get; private set; } = [];

    /// <summary>Turns the command's result into the response the client gets, to be stored for replays.</summary>
    public Func<object?, CancellationToken, Task<StoredResponse>>? Respond { get; private set; }

    /// <summary>Whether this request's transaction inserted the key, so it must store the response before it commits.</summary>
    internal bool Claimed { get; set; }

    public void Use(Guid userId, string key, byte[] fingerprint, Func<object?, CancellationToken, Task<StoredResponse>> respond)
    {
        if (fingerprint.Length != 32)
        {
            throw new ArgumentException("The fingerprint is a SHA-256 hash (32 bytes).", nameof(fingerprint));
        }

        UserId = userId;
        Key = key;
        Fingerprint = fingerprint;
        Respond = respond;
    }
}

/// <summary>The response of a request made with an idempotency key, as stored for its replays.</summary>
public sealed record StoredResponse(int Status, string? Location, string? ContentType, string Body);

/// <summary>
/// The key was already used, for this very request, and that attempt committed: not an error, but
/// the way out of the command's transaction (which then rolls back having changed nothing), carrying
/// the stored response for the API to send again.
/// </summary>
public sealed class IdempotentReplayException(StoredResponse response)
    : Exception("This request was already made with this idempotency key; its response is replayed.")
{
    public StoredResponse Response { get; } = response;
}

/// <summary>The key was already used for a different request (another body, endpoint or case).</summary>
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"The idempotency key '{key}' was already used for a different request (another body, endpoint or case). Use a new key for a new request.")
{
    public string Key { get; } = key;
}
