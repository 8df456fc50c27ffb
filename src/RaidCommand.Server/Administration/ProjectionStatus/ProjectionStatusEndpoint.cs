using RaidCommand.EventStore.Projections;

namespace RaidCommand.Server.Administration.ProjectionStatus;

public static class ProjectionStatusEndpoint
{
    public static RouteGroupBuilder MapProjectionStatus(this RouteGroupBuilder admin)
    {
        admin.MapGet("/projections", (ProjectionAdmin projections, CancellationToken cancellationToken) => projections.GetStatusAsync(cancellationToken))
            .WithName("GetProjectionStatus")
            .WithSummary("Status of every read-model projection")
            .WithDescription("Checkpoint, events applied, leading node, and whether any event was dead-lettered (status \"dead-lettered\", with the last error).");

        admin.MapGet("/projections/{name}/dead-letters", (string name, ProjectionAdmin projections, CancellationToken cancellationToken) =>
                projections.GetDeadLettersAsync(name, cancellationToken))
            .WithName("GetDeadLetters")
            .WithSummary("Events a projection could not apply")
            .WithDescription("Each with its feed position, event id, type and error. They stay until the projection is rebuilt.");
        return admin;
    }
}
