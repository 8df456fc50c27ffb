using RaidCommand.Domain.Common;

namespace RaidCommand.Domain.Operations;

/// <summary>
/// Decides operation (专案) commands. Planning (units, cities, sites, teams, assignments, strike time) is only
/// possible while the operation is in <see cref="OperationStatus.Planning"/>; after approval the plan is locked.
/// </summary>
public static class OperationDecider
{
    public static IReadOnlyList<object> Decide(OperationCommand command, OperationState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);

        if (command is OpenOperation open)
        {
            return Open(open, state, now);
        }

        if (state.Status == OperationStatus.NotOpened)
        {
            throw DomainRuleViolation.Conflict("operation.not-opened", "The operation has not been opened.");
        }

        if (state.Status == OperationStatus.Concluded)
        {
            throw DomainRuleViolation.Conflict("operation.concluded", "The operation is concluded; nothing more can change.");
        }

        return command switch
        {
            AttachUnit c => AttachUnit(c, state),
            AddCity c => AddCity(c, state),
            RegisterSite c => RegisterSite(c, state),
            FormTeam c => FormTeam(c, state),
            AssignTeamToSite c => AssignTeam(c, state),
            SetStrikeTime c => SetStrikeTime(c, state),
            ApprovePlan c => Approve(c, state, now),
            Launch c => Launch(c, state, now),
            Conclude c => Conclude(c, state, now),
            _ => throw DomainRuleViolation.Invalid("operation.unknown-command", $"Unknown command {command.GetType().Name}."),
        };
    }

    private static object[] Open(OpenOperation c, OperationState state, DateTimeOffset now)
    {
        if (state.Status != OperationStatus.NotOpened)
        {
            throw DomainRuleViolation.Conflict("operation.already-opened", "The operation is already open.");
        }

        Guard.Id(c.OperationId, "operation.id-required", "Operation id");
        Guard.Text(c.CodeName, "operation.code-name-required", "Code name");
        Guard.Text(c.Title, "operation.title-required", "Title");
        Guard.Text(c.Commander, "operation.commander-required", "Commander");
        if (c.OriginCase is null)
        {
            throw DomainRuleViolation.Invalid("operation.origin-case-required", "The origin case is required.");
        }

        Guard.Text(c.OriginCase.Reference, "operation.origin-case-required", "Origin case reference");
        Guard.PositiveMoney(c.OriginCase.ReportedLoss, "operation.invalid-reported-loss", "Reported loss");
        if (c.OriginCase.ReportedAt > now + Guard.ClockSkewTolerance)
        {
            throw DomainRuleViolation.Invalid("time.occurred-at-in-future", "The case cannot have been reported in the future.");
        }

        if (c.HomeCity is null)
        {
            throw DomainRuleViolation.Invalid("operation.home-city-required", "The home city is required.");
        }

        Guard.Text(c.HomeCity.Code, "operation.home-city-required", "Home city code");
        Guard.Text(c.HomeCity.Name, "operation.home-city-required", "Home city name");
        RequireZone(c.HomeCity.TimeZoneId);

        var origin = c.OriginCase with { ReportedAt = c.OriginCase.ReportedAt.ToUniversalTime() };
        return [new OperationOpened(c.OperationId, c.CodeName, c.Title, origin, c.HomeCity, c.Commander, now.ToUniversalTime())];
    }

    private static object[] AttachUnit(AttachUnit c, OperationState state)
    {
        RequirePlanning(state);
        Guard.Text(c.UnitName, "operation.unit-name-required", "Unit name");
        if (!Enum.IsDefined(c.Kind))
        {
            throw DomainRuleViolation.Invalid("operation.invalid-unit-kind", $"Unknown unit kind {c.Kind}.");
        }

        if (state.Units.Contains(c.UnitName))
        {
            throw DomainRuleViolation.Conflict("operation.duplicate-unit", $"Unit '{c.UnitName}' is already attached.");
        }

        return [new UnitAttached(state.OperationId, c.UnitName, c.Kind)];
    }

    private static object[] AddCity(AddCity c, OperationState state)
    {
        RequirePlanning(state);
        Guard.Text(c.CityCode, "operation.city-code-required", "City code");
        Guard.Text(c.Name, "operation.city-name-required", "City name");
        Guard.Text(c.LocalCommander, "operation.local-commander-required", "Local commander");
        RequireZone(c.TimeZoneId);
        if (state.Cities.ContainsKey(c.CityCode))
        {
            throw DomainRuleViolation.Conflict("operation.duplicate-city", $"City '{c.CityCode}' is already part of the operation.");
        }

        return [new CityAdded(state.OperationId, c.CityCode, c.Name, c.LocalCommander, c.TimeZoneId)];
    }

    private static object[] RegisterSite(RegisterSite c, OperationState state)
    {
        RequirePlanning(state);
        Guard.Id(c.SiteId, "operation.site-id-required", "Site id");
        Guard.Text(c.Address, "operation.site-address-required", "Site address");
        RequireCity(state, c.CityCode);
        if (c.ExpectedHeadcount < 0)
        {
            throw DomainRuleViolation.Invalid("operation.invalid-headcount", "Expected headcount cannot be negative.");
        }

        if (state.Sites.ContainsKey(c.SiteId))
        {
            throw DomainRuleViolation.Conflict("operation.duplicate-site", $"Site {c.SiteId} is already registered.");
        }

        return [new SiteRegistered(state.OperationId, c.SiteId, c.CityCode, c.Address, c.ExpectedHeadcount, c.Notes)];
    }

    private static object[] FormTeam(FormTeam c, OperationState state)
    {
        RequirePlanning(state);
        Guard.Id(c.TeamId, "operation.team-id-required", "Team id");
        Guard.Text(c.Name, "operation.team-name-required", "Team name");
        Guard.Text(c.Leader, "operation.team-leader-required", "Team leader");
        RequireCity(state, c.CityCode);
        if (c.Headcount <= 0)
        {
            throw DomainRuleViolation.Invalid("operation.invalid-headcount", "A team needs at least one officer.");
        }

        if (state.Teams.ContainsKey(c.TeamId))
        {
            throw DomainRuleViolation.Conflict("operation.duplicate-team", $"Team {c.TeamId} is already formed.");
        }

        return [new TeamFormed(state.OperationId, c.TeamId, c.Name, c.Leader, c.Headcount, c.CityCode)];
    }

    private static object[] AssignTeam(AssignTeamToSite c, OperationState state)
    {
        RequirePlanning(state);
        if (!state.Teams.TryGetValue(c.TeamId, out var team))
        {
            throw DomainRuleViolation.Invalid("operation.unknown-team", $"Team {c.TeamId} is not part of the operation.");
        }

        if (!state.Sites.TryGetValue(c.SiteId, out var site))
        {
            throw DomainRuleViolation.Invalid("operation.unknown-site", $"Site {c.SiteId} is not registered.");
        }

        if (team.CityCode != site.CityCode)
        {
            throw DomainRuleViolation.Invalid(
                "operation.team-city-mismatch", $"Team {c.TeamId} is in {team.CityCode} but site {c.SiteId} is in {site.CityCode}.");
        }

        if (team.SiteId is { } assigned)
        {
            throw DomainRuleViolation.Conflict(
                "operation.team-already-assigned", $"Team {c.TeamId} is already assigned to site {assigned}.");
        }

        return [new TeamAssignedToSite(state.OperationId, c.TeamId, c.SiteId)];
    }

    private static object[] SetStrikeTime(SetStrikeTime c, OperationState state)
    {
        RequirePlanning(state);
        var hHour = c.HHour.ToUniversalTime();
        if (c.CityCode is null)
        {
            return [new StrikeTimeSet(state.OperationId, hHour)];
        }

        RequireCity(state, c.CityCode);
        return [new CityStrikeTimeOverridden(state.OperationId, c.CityCode, hHour)];
    }

    private static object[] Approve(ApprovePlan c, OperationState state, DateTimeOffset now)
    {
        if (state.Status != OperationStatus.Planning)
        {
            throw DomainRuleViolation.Conflict("operation.already-approved", "The plan is already approved.");
        }

        Guard.Text(c.ApprovedBy, "operation.approver-required", "Approver");
        if (state.Cities.IsEmpty)
        {
            throw DomainRuleViolation.Conflict("operation.no-cities", "The plan needs at least one city.");
        }

        var unstaffed = state.Sites.Values.Where(s => s.TeamIds.IsEmpty).Select(s => s.SiteId.ToString()).Order().ToList();
        if (unstaffed.Count > 0)
        {
            throw DomainRuleViolation.Conflict(
                "operation.site-without-team", $"Sites without a team: {string.Join(", ", unstaffed)}.", unstaffed);
        }

        if (state.HHour is null)
        {
            throw DomainRuleViolation.Conflict("operation.no-strike-time", "The H-hour has not been set.");
        }

        return [new PlanApproved(state.OperationId, c.ApprovedBy, now.ToUniversalTime())];
    }

    private static object[] Launch(Launch c, OperationState state, DateTimeOffset now)
    {
        if (state.Status == OperationStatus.Planning)
        {
            throw DomainRuleViolation.Conflict("operation.not-approved", "The plan must be approved before launch.");
        }

        Guard.Text(c.LaunchedBy, "operation.launcher-required", "Launching officer");
        var at = now.ToUniversalTime();
        if (c.CityCode is not null)
        {
            RequireCity(state, c.CityCode);
            if (state.LaunchedCities.ContainsKey(c.CityCode))
            {
                throw DomainRuleViolation.Conflict("operation.city-already-launched", $"City '{c.CityCode}' has already launched.");
            }

            return [new CityLaunched(state.OperationId, c.CityCode, c.LaunchedBy, at)];
        }

        var pending = state.Cities.Keys.Where(code => !state.LaunchedCities.ContainsKey(code)).Order(StringComparer.Ordinal).ToList();
        if (pending.Count == 0)
        {
            throw DomainRuleViolation.Conflict("operation.city-already-launched", "Every city has already launched.");
        }

        return [.. pending.Select(code => new CityLaunched(state.OperationId, code, c.LaunchedBy, at))];
    }

    private static object[] Conclude(Conclude c, OperationState state, DateTimeOffset now)
    {
        if (state.Status != OperationStatus.Launched)
        {
            throw DomainRuleViolation.Conflict("operation.not-launched", "Only a launched operation can be concluded.");
        }

        Guard.Text(c.ConcludedBy, "operation.concluder-required", "Concluding officer");
        return [new OperationConcluded(state.OperationId, c.ConcludedBy, c.Summary, now.ToUniversalTime())];
    }

    private static void RequirePlanning(OperationState state)
    {
        if (state.Status != OperationStatus.Planning)
        {
            throw DomainRuleViolation.Conflict("operation.plan-locked", "The plan is approved; planning changes are refused.");
        }
    }

    private static void RequireCity(OperationState state, string? cityCode)
    {
        if (cityCode is null || !state.Cities.ContainsKey(cityCode))
        {
            throw DomainRuleViolation.Invalid("operation.unknown-city", $"City '{cityCode}' is not part of the operation.");
        }
    }

    private static void RequireZone(string? zone)
    {
        if (!LocalTime.IsKnownZone(zone))
        {
            throw DomainRuleViolation.Invalid("operation.unknown-time-zone", $"'{zone}' is not a known IANA time zone.");
        }
    }
}
