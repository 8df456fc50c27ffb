using RaidCommand.EventStore.Integrity;

namespace RaidCommand.Server.Administration.VerifyingIntegrity;

public static class VerifyIntegrityEndpoint
{
    public static RouteGroupBuilder MapVerifyIntegrity(this RouteGroupBuilder admin)
    {
        admin.MapGet("/integrity", (string? stream, ChainVerifier verifier, CancellationToken cancellationToken) =>
                stream is null ? verifier.VerifyAllAsync(cancellationToken) : verifier.VerifyStreamAsync(stream, cancellationToken))
            .WithName("VerifyIntegrity")
            .WithSummary("Verify the hash chains of the event log")
            .WithDescription("Recomputes every event's hash from its stored content. Reports the first broken link, or, for an intact store, the event count and every stream's chain head. ?stream= checks one stream.");
        return admin;
    }
}
