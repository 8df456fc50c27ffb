using RaidCommand.Domain.Common;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Security.Access;
using RaidCommand.Server.Security.Authentication;

namespace RaidCommand.Server.Security.Accounts;

public static class PasswordEndpoints
{
    public static RouteHandlerBuilder MapSetPassword(this RouteGroupBuilder accounts) =>
        accounts.MapPost("/{userId:guid}/password", async (
                Guid userId, SetPasswordRequest request, CommandContext context, PasswordSetting passwords, HttpContext http, CancellationToken cancellationToken) =>
                CommandResults.Accepted(http, await passwords.ChangeAsync(userId, request.Password, context, cancellationToken)))
            .WithName("SetPassword").WithSummary("Set an account's password")
            .WithDescription("Administrators only, e.g. for a forgotten password. Recorded as an event without the password.");

    public static RouteHandlerBuilder MapChangeOwnPassword(this RouteGroupBuilder me) =>
        me.MapPost("/password", async (
                ChangeOwnPasswordRequest request, CommandContext context, AccessDirectory directory, PasswordSetting passwords, HttpContext http, CancellationToken cancellationToken) =>
            {
                var current = await directory.FindPasswordHashAsync(context.Actor.UserId, cancellationToken);
                if (!Passwords.Verify(current, request.CurrentPassword))
                {
                    throw DomainRuleViolation.Invalid("account.wrong-password", "The current password is not correct.");
                }

                return CommandResults.Accepted(http, await passwords.ChangeAsync(context.Actor.UserId, request.NewPassword, context, cancellationToken));
            })
            .WithName("ChangeOwnPassword").WithSummary("Change my password");
}
