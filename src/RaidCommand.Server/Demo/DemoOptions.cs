namespace RaidCommand.Server.Demo;

/// <summary>Settings of the demo (section "Demo"); `ops/run --demo` turns it on.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>H-hour is this long after the demo has planned the raid; the countdown is visible meanwhile.</summary>
    public int LeadSeconds { get; set; } = 60;

    /// <summary>How long the field teams take from breach to dismantling.</summary>
    public int DurationSeconds { get; set; } = 120;

    /// <summary>The demo commander's account, created by the demo (as the administrator) and printed in the log.</summary>
    public string CommanderUserName { get; set; } = "demo.commander";

    public string CommanderPassword { get; set; } = "demo-Pa55word-2026";
}
