using RaidCommand.Domain.Custody;

namespace RaidCommand.Server.Custody.Reading;

/// <summary>One line of an operation's custody register: who, where arrested, where they stand and where they are now.</summary>
public sealed record CustodyRegisterLine(
    Guid PersonId,
    string? Name,
    string? LocalTag,
    Guid SiteId,
    string ArrestCity,
    DateTimeOffset ArrestedAt,
    CustodyStatus Status,
    CustodyDecision Decision,
    CustodyLocation Location,
    Guid? ActiveTransferId)
{
    public static CustodyRegisterLine Of(CustodyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.PersonId, record.Name, record.LocalTag, record.SiteId, record.ArrestCity, record.ArrestedAt, record.Status,
            record.Decision, record.Location, record.ActiveTransferId);
    }
}
