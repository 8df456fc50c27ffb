namespace RaidCommand.Server.Commands;

/// <summary>Handles one family of commands on one kind of stream: load, decide, append.</summary>
public interface ICommandHandler<in TCommand>
{
    Task<CommandOutcome> HandleAsync(TCommand command, CommandContext context, CancellationToken cancellationToken);
}

public static class CommandHandlerRegistration
{
    /// <summary>Registers a handler under its own type (for endpoints that create resources) and as the handler of <typeparamref name="TCommand"/>.</summary>
    public static IServiceCollection AddCommandHandler<TCommand, THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler<TCommand>
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<ICommandHandler<TCommand>>(provider => provider.GetRequiredService<THandler>());
        return services;
    }
}
