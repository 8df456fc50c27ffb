using RaidCommand.Domain.Accounts;
using RaidCommand.Server.Commands;

namespace RaidCommand.Server.Security.Accounts;

public static class RegisterAccountEndpoint
{
    public static RouteHandlerBuilder MapRegisterAccount(this RouteGroupBuilder accounts) =>
        accounts.MapPost("/", async (RegisterAccountRequest request, CommandContext context, PasswordSetting passwords, HttpContext http, CancellationToken cancellationToken) =>
            {
                var userId = request.UserId ?? EventIds.For(context.CommandId, -1);
                var outcome = await passwords.SetAsync(
                    new RegisterAccount(userId, request.UserName, request.DisplayName, request.Roles), request.Password, context, cancellationToken);
                return CommandResults.Accepted(http, outcome, $"/api/accounts/{userId}");
            })
            .WithName("RegisterAccount")
            .WithSummary("Register an account")
            .WithDescription("Administrators only. The password (at least 12 characters) is hashed and never stored in an event. Returns 201.");
}
