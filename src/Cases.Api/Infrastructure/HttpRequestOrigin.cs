using Cases.Workflows.Audit;

namespace Cases.Api.Infrastructure;

/// <summary>The client's address as the connection (or a configured forwarded-headers proxy) gives it.</summary>
public sealed class HttpRequestOrigin(IHttpContextAccessor accessor) : IRequestOrigin
{
    public string? SourceAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
