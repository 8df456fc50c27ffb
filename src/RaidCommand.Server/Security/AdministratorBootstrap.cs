using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;
using RaidCommand.Domain.Accounts;
using RaidCommand.Server.Commands;
using RaidCommand.Server.Security.Access;
using RaidCommand.Server.Security.Accounts;

namespace RaidCommand.Server.Security;

/// <summary>
/// On the first start of an empty system, creates the administrator, with the configured password or a generated
/// one printed once to the console (not to the structured log, which may be shipped elsewhere). Nodes starting
/// together serialise on an advisory lock, so exactly one creates it.
/// </summary>
public sealed class AdministratorBootstrap(
    NpgsqlDataSource dataSource, AccessDirectory directory, PasswordSetting passwords, IOptions<AuthOptions> options, TimeProvider clock,
    ILogger<AdministratorBootstrap> logger) : IHostedService
{
    private const long LockKey = 0x52430002;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, "select pg_advisory_lock($1)", cancellationToken);
        try
        {
            if (!await directory.AnyAccountAsync(cancellationToken))
            {
                await CreateAdministratorAsync(cancellationToken);
            }
        }
        finally
        {
            await Execute(connection, "select pg_advisory_unlock($1)", CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateAdministratorAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        var generated = string.IsNullOrEmpty(auth.AdministratorPassword);
        var password = generated ? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20) : auth.AdministratorPassword!;
        var context = new CommandContext(Guid.NewGuid(), Actor.System, null, clock.GetUtcNow(), null);
        var command = new RegisterAccount(Guid.NewGuid(), auth.AdministratorUserName, "Administrator", [Roles.Administrator]);
        await passwords.SetAsync(command, password, context, cancellationToken);

        logger.LogWarning("Created the first administrator account {UserName}", auth.AdministratorUserName);
        if (generated)
        {
            await Console.Out.WriteLineAsync($"""

                *** RaidCommand: first start. Administrator sign-in (shown once, change it after signing in):
                ***   user name: {auth.AdministratorUserName}
                ***   password:  {password}

                """);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = LockKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
