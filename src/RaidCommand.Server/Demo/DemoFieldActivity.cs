namespace RaidCommand.Server.Demo;

/// <summary>
/// The simulated field teams of the demo: over <c>duration</c> each team breaches its den, logs arrests, seizures and
/// freezes, secures and dismantles it, while the command post detains a few Zhengzhou suspects and sends them to
/// Lanzhou. Every step is a real API call by the signed-in officer (or commander) who would make it.
/// </summary>
public sealed class DemoFieldActivity(RaidApiClient commander, IReadOnlyDictionary<string, RaidApiClient> officers, DemoOperation operation, ILogger logger)
{
    private sealed record Step(TimeSpan At, string What, Func<CancellationToken, Task> Act);

    private static readonly string[] Surnames = ["张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"];

    public async Task RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var steps = operation.Sites.SelectMany((site, index) => SiteSteps(site, index, duration)).Concat(TransferSteps(duration)).OrderBy(step => step.At).ToList();
        var start = DateTimeOffset.UtcNow;
        foreach (var step in steps)
        {
            var wait = start + step.At - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            try
            {
                await step.Act(cancellationToken);
            }
            catch (HttpRequestException failure)
            {
                // One refused step (e.g. a conflict) must not end the demo; it is visible in the log.
                logger.LogWarning("Demo step {Step} failed: {Reason}", step.What, failure.Message);
            }
        }
    }

    private static TimeSpan At(TimeSpan duration, double fraction, double offsetSeconds = 0) =>
        TimeSpan.FromSeconds(duration.TotalSeconds * fraction + offsetSeconds);

    private IEnumerable<Step> SiteSteps(DemoSite site, int index, TimeSpan duration)
    {
        var officer = officers[site.OfficerUserName];
        Task Log(string action, object body, CancellationToken token) => officer.CommandAsync(operation.SitePath(site, action), body, token);

        yield return new(At(duration, 0.02, index * 1.5), $"breach {site.Address}",
            token => Log("breach", new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow }, token));
        for (var k = 0; k < site.ExpectedHeadcount; k++)
        {
            var number = k + 1;
            var named = k % 3 != 2;
            yield return new(At(duration, 0.05 + 0.6 * number / site.ExpectedHeadcount, index * 0.7), $"arrest {number} at {site.Address}",
                token => Log("arrests", new
                {
                    teamId = site.TeamId,
                    occurredAt = DateTimeOffset.UtcNow,
                    personId = PersonId(site, number),
                    name = named ? $"{Surnames[(index + number) % Surnames.Length]}某{number}" : null,
                    localTag = $"{site.CityCode}-{index + 1:00}-{number:000}",
                }, token));
        }

        foreach (var (fraction, category, quantity) in new[] { (0.3, "Phone", site.ExpectedHeadcount * 2), (0.45, "Computer", site.ExpectedHeadcount), (0.55, "BankCard", site.ExpectedHeadcount * 4) })
        {
            yield return new(At(duration, fraction, index), $"seizure {category} at {site.Address}",
                token => Log("seizures", new
                {
                    teamId = site.TeamId,
                    occurredAt = DateTimeOffset.UtcNow,
                    category,
                    quantity,
                    description = $"{quantity} {category}",
                    identifiers = Array.Empty<string>(),
                    storageLocation = $"{site.CityCode} 物证室 {index + 1}",
                }, token));
        }

        foreach (var (fraction, amount) in new[] { (0.4, 1_200_000m + index * 350_000m), (0.65, 800_000m + index * 270_000m) })
        {
            yield return new(At(duration, fraction, index), $"freeze at {site.Address}",
                token => Log("freezes", new
                {
                    teamId = site.TeamId,
                    occurredAt = DateTimeOffset.UtcNow,
                    accountHolder = $"{Surnames[index]}某",
                    bank = "中国工商银行",
                    accountNumber = $"6222 0000 {index:0000} {(int)(fraction * 10000):0000}",
                    amount = new { amount, currency = "CNY" },
                    freezeOrderReference = $"冻字〔2026〕{index + 1}{(int)(fraction * 100)}号",
                }, token));
        }

        yield return new(At(duration, 0.7, index), $"secure {site.Address}", token => Log("secure", new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow }, token));
        yield return new(At(duration, 0.92, index), $"dismantle {site.Address}", token => Log("dismantle", new { teamId = site.TeamId, occurredAt = DateTimeOffset.UtcNow }, token));
    }

    /// <summary>The first Zhengzhou den's first four suspects: questioned, criminally detained, escorted to Lanzhou.</summary>
    private IEnumerable<Step> TransferSteps(TimeSpan duration)
    {
        var site = operation.Sites.First(candidate => candidate.CityCode == "ZZ");
        var persons = Enumerable.Range(1, 4).Select(number => PersonId(site, number)).ToArray();
        var transferId = Guid.NewGuid();
        yield return new(At(duration, 0.68), "detain Zhengzhou suspects", async token =>
        {
            foreach (var personId in persons)
            {
                await commander.CommandAsync($"/api/persons/{personId}/questioning", new { questionedBy = "王强", location = "郑州市公安局", occurredAt = DateTimeOffset.UtcNow }, token);
                await commander.CommandAsync($"/api/persons/{personId}/detention", new { approvingOfficer = "王强", facility = "郑州市看守所", occurredAt = DateTimeOffset.UtcNow }, token);
            }
        });
        yield return new(At(duration, 0.74), "plan transfer", token => commander.CommandAsync($"{operation.Path}/transfers", new
        {
            transferId,
            originCity = "ZZ",
            destinationCity = "LZ",
            mode = "Rail",
            vehicleOrFlight = "K1353",
            escortTeamId = site.TeamId,
            manifest = persons,
        }, token));
        yield return new(At(duration, 0.78), "board transfer", token => commander.CommandAsync($"/api/transfers/{transferId}/board", new { personIds = persons, occurredAt = DateTimeOffset.UtcNow }, token));
        yield return new(At(duration, 0.82), "depart", token => commander.CommandAsync($"/api/transfers/{transferId}/depart", new { headcount = persons.Length, occurredAt = DateTimeOffset.UtcNow }, token));
        yield return new(At(duration, 0.95), "checkpoint", token => commander.CommandAsync($"/api/transfers/{transferId}/checkpoints", new
        {
            place = "西安北站 Xi'an North",
            headcount = persons.Length - 1,
            note = "one in the medical carriage; recount at Lanzhou",
            occurredAt = DateTimeOffset.UtcNow,
        }, token));
    }

    /// <summary>Person ids the client chooses, so the command post can refer to the arrested without reading them back.</summary>
    private static Guid PersonId(DemoSite site, int number)
    {
        var bytes = site.SiteId.ToByteArray();
        bytes[15] = (byte)number;
        return new Guid(bytes);
    }
}
