using RaidCommand.Server.Custody;
using RaidCommand.Server.ReadModels;
using RaidCommand.Server.Security.Authentication;

namespace RaidCommand.Server.Statistics;

public static class GetCampaignStatisticsEndpoint
{
    public static RouteHandlerBuilder MapGetCampaignStatistics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/statistics", async (
                DateOnly? from, DateOnly? to, string? groupBy, string? after, ReadModelFreshness freshness, ReadModelStore store, HttpContext http, CancellationToken cancellationToken) =>
            {
                var grouping = ParseGrouping(groupBy);
                if (from > to)
                {
                    throw new BadHttpRequestException($"'from' ({from:yyyy-MM-dd}) must not be after 'to' ({to:yyyy-MM-dd}).");
                }

                if (!await freshness.WaitForAsync(OperationFactsProjection.ProjectionName, after, cancellationToken))
                {
                    return ReadModelLag.NotCaughtUp("campaign statistics", after);
                }

                var caller = http.RequireCaller();
                var operations = await store.ListAllAsync<OperationFacts>(OperationFactsProjection.TableName, cancellationToken);
                var visible = operations.Where(o => caller.MembershipOf(o.OperationId) is not null).ToList();
                return Results.Ok(CampaignStatisticsCalculator.Calculate(visible, from, to, grouping));
            })
            .WithTags("Statistics")
            .Produces<CampaignStatistics>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("GetCampaignStatistics")
            .WithSummary("Campaign results (战果) across operations")
            .WithDescription("Operations launched, sites dismantled, persons arrested, persons criminally detained and funds frozen (CNY), "
                + "grouped by city (groupBy=city, the default) or by month (groupBy=month), between the local dates from and to (inclusive, yyyy-MM-dd). "
                + "Only operations the caller is a member of are counted. Each fact is dated on its city's wall clock. Supports ?after=<position>.");

    private static StatisticsGrouping ParseGrouping(string? groupBy) => groupBy?.ToUpperInvariant() switch
    {
        null or "" or "CITY" => StatisticsGrouping.City,
        "MONTH" => StatisticsGrouping.Month,
        _ => throw new BadHttpRequestException($"groupBy must be 'city' or 'month', not '{groupBy}'."),
    };
}
