using RaidCommand.Domain.Accounts;
using RaidCommand.EventStore;
using RaidCommand.Domain.Membership;
using RaidCommand.Server.Audit.AsOf;
using RaidCommand.Server.Audit.Export;
using RaidCommand.Server.Audit.History;
using RaidCommand.Server.Audit.Integrity;
using RaidCommand.Server.Audit.Timeline;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Audit;

/// <summary>
/// What auditors (and commanders of the operation) use to answer from the record alone: the timeline, the board and
/// custody as of any instant on either clock, exports for the court file, and the signed integrity check.
/// </summary>
public static class Configuration
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddSingleton<IDatabaseSchema, AuditSchema>();
        services.AddSingleton<OperationHistory>();
        services.AddSingleton<CorrectionLinks>();
        services.AddSingleton<TimelineReader>();
        services.AddAsOfSnapshots();
        services.AddSingleton<IntegritySigner>();
        return services;
    }

    private static IServiceCollection AddAsOfSnapshots(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().Validate(o => o.SnapshotInterval > 0, "Audit:SnapshotInterval must be at least 1.");
        services.AddSingleton<AsOfFolds>();
        services.AddSingleton<EventClockIndex>();
        services.AddSingleton<AsOfSnapshots>();
        services.AddSingleton(provider => new AsOfEventReads(new Lazy<EventStore.EventStore>(provider.GetRequiredService<EventStore.EventStore>)));
        services.AddSingleton<AsOfSnapshotProjection>();
        services.AddSingleton<IProjection>(provider => provider.GetRequiredService<AsOfSnapshotProjection>());
        services.AddSingleton<IDatabaseSchema, AsOfSnapshotSchema>();
        services.AddSingleton<AsOfReplay>();
        return services;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints)
    {
        var operations = endpoints.MapGroup("/api/operations").WithTags("Audit");
        operations.MapGetTimeline().ForMembers(Capacities.Commander, Capacities.Auditor);
        operations.MapGetTimelineSpan().ForMembers(Capacities.Commander, Capacities.Auditor);
        operations.MapBoardAsOf().ForMembers(Capacities.Commander, Capacities.Auditor);
        operations.MapCustodyRegisterAsOf().ForMembers(Capacities.Commander, Capacities.Auditor);
        operations.MapExportJson().ForMembers(Capacities.Commander, Capacities.Auditor);
        operations.MapExportCsv().ForMembers(Capacities.Commander, Capacities.Auditor);
        operations.MapPrintableReport().ForMembers(Capacities.Commander, Capacities.Auditor);

        endpoints.MapGroup("/api/persons").WithTags("Audit").MapCustodyRecordAsOf().ForMembers(Capacities.Commander, Capacities.Auditor);

        // Store-wide, so not scoped to an operation: any auditor may prove the whole record intact.
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit");
        audit.MapVerifyStore().ForRole(Roles.Auditor);
        audit.MapPublicKey().ForSignedIn();
        return endpoints;
    }
}
