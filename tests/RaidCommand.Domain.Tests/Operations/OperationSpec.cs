using RaidCommand.Domain.Operations;

namespace RaidCommand.Domain.Tests.Operations;

internal static class OperationSpec
{
    public static DeciderSpec<OperationCommand, OperationState> Create() =>
        new(OperationState.Initial, OperationState.Evolve, (command, state) => OperationDecider.Decide(command, state, Fixtures.Now));
}
