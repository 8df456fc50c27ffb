using RaidCommand.Domain.Sites;
using static RaidCommand.Domain.Tests.Fixtures;

namespace RaidCommand.Domain.Tests.Sites;

internal static class SiteSpec
{
    /// <summary>The Zhengzhou den after Zhengzhou launched (Shanghai has not).</summary>
    public static SiteContext Launched => SiteContext.From(StateOf(ZhengzhouLaunched), ZzSite);

    public static DeciderSpec<SiteCommand, SiteState> Create(SiteContext? context = null) =>
        new(SiteState.Initial, SiteState.Evolve, (command, state) => SiteDecider.Decide(command, state, context ?? Launched, Now));
}
