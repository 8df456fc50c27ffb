using RaidCommand.Domain.Membership;
using RaidCommand.Server.Security.Authorization;

namespace RaidCommand.Server.Security.PersonalData;

/// <summary>
/// Reveals personal fields to commanders and auditors of the operation the request was authorized for; everyone
/// else (field officers, administrators, cross-operation views) sees them masked.
/// </summary>
public sealed class PersonalDataMiddleware(RequestDelegate next)
{
    // async so that the choice stays inside this request's flow and never leaks to the caller's context.
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        PersonalDataScope.Set(http.Features.Get<ActingMembership>() is { } acting && Capacities.SeePersonalData.Contains(acting.Membership.Capacity));
        await next(http);
    }
}
