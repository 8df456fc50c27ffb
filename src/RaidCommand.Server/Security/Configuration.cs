using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using RaidCommand.Domain.Accounts;
using RaidCommand.Domain.Membership;
using RaidCommand.EventStore;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Security.Access;
using RaidCommand.Server.Security.Accounts;
using RaidCommand.Server.Security.Authentication;
using RaidCommand.Server.Security.Authorization;
using RaidCommand.Server.Security.Hardening;
using RaidCommand.Server.Security.Members;
using RaidCommand.Server.Security.PersonalData;
using RaidCommand.Server.Security.SigningIn;

namespace RaidCommand.Server.Security;

/// <summary>
/// Accounts, sign-in, roles and need-to-know. Every endpoint of every module states who may call it
/// (<see cref="AccessRules"/>); an endpoint without a rule stops the server from starting.
/// </summary>
public static class Configuration
{
    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddRaidCommandAuthentication();
        // No fallback policy: every endpoint declares its rule, and AccessRuleCheck refuses to start without one. A
        // fallback would also answer 401 for paths with no endpoint at all (static files, unknown pages).
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, OperationAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessProblemResultHandler>();
        services.AddRaidCommandRateLimiting();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolver =
            (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(PersonalDataMasking.Modify));

        services.AddSingleton<IDatabaseSchema, SecuritySchema>();
        services.AddSingleton<IInlineProjection, AccessProjection>();
        services.AddCommandHandler<AccountCommand, AccountCommandHandler>();
        services.AddCommandHandler<MembershipCommand, MembershipCommandHandler>();
        services.AddSingleton<PasswordSetting>();
        services.AddSingleton<SignInThrottle>();
        services.AddHostedService<AdministratorBootstrap>();
        services.AddHostedService<AccessRuleCheck>();
        return services;
    }

    /// <summary>Order matters: who the caller is, then whether they may, then their write budget, then what they may see.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<PersonalDataMiddleware>();
        return app;
    }

    public static IEndpointRouteBuilder MapSecurity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/auth").WithTags("Security").MapSignIn();

        var me = endpoints.MapGroup("/api/me").WithTags("Security");
        me.MapGetMe().ForSignedIn();
        me.MapChangeOwnPassword().ForSignedIn();

        var accounts = endpoints.MapGroup("/api/accounts").WithTags("Security");
        accounts.MapListAccounts().ForRole(Roles.Administrator);
        accounts.MapRegisterAccount().ForRole(Roles.Administrator);
        accounts.MapGrantRole().ForRole(Roles.Administrator);
        accounts.MapRevokeRole().ForRole(Roles.Administrator);
        accounts.MapSetPassword().ForRole(Roles.Administrator);
        accounts.MapDeactivateAccount().ForRole(Roles.Administrator);
        accounts.MapReactivateAccount().ForRole(Roles.Administrator);

        var operations = endpoints.MapGroup("/api/operations").WithTags("Security");
        operations.MapListMembers().ForMembers(Capacities.Commander, Capacities.Auditor);
        operations.MapAddMember().ForCommandersOrAdministrators();
        operations.MapRemoveMember().ForCommandersOrAdministrators();
        return endpoints;
    }
}
