namespace RaidCommand.Server.Hosting.Correlation;

/// <summary>
/// The correlation id of the current request (scoped). Command handlers copy it into event metadata so one
/// operator action can be traced through logs and events. Outside a request each scope gets a fresh id.
/// </summary>
public interface ICorrelationContext
{
    string CorrelationId { get; }
}
