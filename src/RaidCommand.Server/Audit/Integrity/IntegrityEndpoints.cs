using RaidCommand.EventStore.Integrity;

namespace RaidCommand.Server.Audit.Integrity;

public static class IntegrityEndpoints
{
    public static RouteHandlerBuilder MapVerifyStore(this RouteGroupBuilder audit) =>
        audit.MapGet("/integrity", async (ChainVerifier verifier, IntegritySigner signer, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var verification = await verifier.VerifyAllAsync(cancellationToken);
                return IntegritySummary.Of(verification, "store", verification.ChainHeads.Keys, clock.GetUtcNow(), signer);
            })
            .WithName("VerifyStoreForAudit")
            .WithSummary("Prove that no event was altered")
            .WithDescription("Recomputes every hash chain of the event log. Reports the first broken link, or a summary of the intact store "
                + "(event and stream counts, SHA-256 over every chain head) signed with the server's ECDSA P-256 key; see /api/audit/public-key.");

    public static RouteHandlerBuilder MapPublicKey(this RouteGroupBuilder audit) =>
        audit.MapGet("/public-key", (IntegritySigner signer) => Results.Text(signer.PublicKeyPem, "application/x-pem-file"))
            .WithName("GetIntegrityPublicKey")
            .WithSummary("The public key that verifies integrity signatures (PEM)");
}
