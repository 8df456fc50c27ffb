namespace RaidCommand.EmbeddedPostgres;

/// <summary>Where and how an <see cref="EmbeddedPostgresCluster"/> runs.</summary>
public sealed record EmbeddedPostgresOptions
{
    /// <summary>The cluster's data folder; created and initialised with initdb when missing or empty.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Folder holding initdb, pg_ctl and postgres; found automatically when null.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; a free port is picked on every start when null or 0.</summary>
    public int? Port { get; init; }

    /// <summary>
    /// False for throwaway clusters: turns off fsync, synchronous_commit and full_page_writes and runs initdb --no-sync.
    /// Data of such a cluster may be lost on a machine crash, which is fine for tests and nothing else.
    /// </summary>
    public bool Durable { get; init; } = true;

    /// <summary>
    /// True: scram-sha-256 with a generated password kept in <see cref="PasswordFile"/>.
    /// False: trust authentication, for throwaway clusters that only ever listen on 127.0.0.1.
    /// </summary>
    public bool RequirePassword { get; init; } = true;

    /// <summary>Where the generated superuser password is kept (mode 0600); defaults to <c>pg.password</c> beside the data folder.</summary>
    public string? PasswordFile { get; init; }

    /// <summary>The superuser created by initdb.</summary>
    public string SuperUser { get; init; } = "postgres";

    /// <summary>The operating system account that runs PostgreSQL when this process is root (initdb and postgres refuse root).</summary>
    public string ServiceAccount { get; init; } = "postgres";

    /// <summary>Names the setting the data folder came from, so error messages can tell the operator what to change.</summary>
    public string DataDirectorySettingName { get; init; } = nameof(DataDirectory);

    /// <summary>How long to wait for the server to accept connections.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    internal string ResolvedPasswordFile =>
        PasswordFile ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DataDirectory).TrimEnd('/'))!, "pg.password");
}
