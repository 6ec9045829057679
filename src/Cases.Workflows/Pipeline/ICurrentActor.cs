using Cases.Domain.Common;

namespace Cases.Workflows.Pipeline;

/// <summary>Who is making the current request; recorded on every change.</summary>
public interface ICurrentActor
{
    Actor Actor { get; }
}
