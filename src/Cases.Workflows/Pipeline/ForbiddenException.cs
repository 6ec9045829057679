namespace Cases.Workflows.Pipeline;

/// <summary>The caller is known but lacks a role the request needs (403); the message names the roles that would do.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
