namespace RaidCommand.EmbeddedPostgres;

/// <summary>The embedded cluster could not be set up, started or stopped; the message says what to look at.</summary>
public sealed class EmbeddedPostgresException : Exception
{
    public EmbeddedPostgresException(string message)
        : base(message)
    {
    }

    public EmbeddedPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
