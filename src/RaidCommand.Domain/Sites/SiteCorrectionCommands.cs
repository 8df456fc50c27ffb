namespace RaidCommand.Domain.Sites;

/// <summary>
/// A correction of a field entry, by a commander: never an edit, always a new event naming the entry, the reason
/// and who corrected it. Not tied to a team or to the strike window: corrections come later, at the desk.
/// </summary>
public abstract record SiteCorrection(Guid OperationId, Guid SiteId, Guid EntryId, string Reason, string CorrectedBy);

public sealed record VoidSeizure(Guid OperationId, Guid SiteId, Guid EntryId, string Reason, string CorrectedBy)
    : SiteCorrection(OperationId, SiteId, EntryId, Reason, CorrectedBy);

public sealed record AmendSeizureQuantity(Guid OperationId, Guid SiteId, Guid EntryId, int Quantity, string Reason, string CorrectedBy)
    : SiteCorrection(OperationId, SiteId, EntryId, Reason, CorrectedBy);

public sealed record VoidFreeze(Guid OperationId, Guid SiteId, Guid EntryId, string Reason, string CorrectedBy)
    : SiteCorrection(OperationId, SiteId, EntryId, Reason, CorrectedBy);

public sealed record VoidStopPayment(Guid OperationId, Guid SiteId, Guid EntryId, string Reason, string CorrectedBy)
    : SiteCorrection(OperationId, SiteId, EntryId, Reason, CorrectedBy);
