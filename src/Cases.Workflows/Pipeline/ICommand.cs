using MediatR;

namespace Cases.Workflows.Pipeline;

/// <summary>A request that changes state: it runs in one database transaction.</summary>
public interface ICommand<out TResult> : IRequest<TResult>, ICommand;

/// <summary>Marks commands for the transaction behaviour.</summary>
public interface ICommand;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;
