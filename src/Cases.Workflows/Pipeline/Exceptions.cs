namespace Cases.Workflows.Pipeline;

/// <summary>The thing asked for does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(string resource, string key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;

    public string Key { get; } = key;
}

/// <summary>The request conflicts with the current state: a concurrent change or a duplicate.</summary>
public sealed class ConflictException(string message, Exception? innerException = null) : Exception(message, innerException);
