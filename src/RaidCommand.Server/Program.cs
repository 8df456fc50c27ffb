using RaidCommand.Server.Audit.Integrity;
using RaidCommand.Server.Demo;
using RaidCommand.Server.Hosting;
using RaidCommand.Server.Hosting.Correlation;
using RaidCommand.Server.Hosting.ErrorHandling;
using RaidCommand.Server.Hosting.Health;
using RaidCommand.Server.Hosting.Logging;
using RaidCommand.Server.Hosting.Telemetry;
using RaidCommand.Server.Security.Authorization;

if (args is [VerifyCommand.Name, ..])
{
    return await VerifyCommand.RunAsync(args[1..], Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddRaidCommandLogging();

// Started before Build so its connection string is known to DI; disposed (stopped) after the host has stopped.
await using var embeddedDatabase = await builder.AddRaidCommandDatabaseAsync();

builder.Services.AddDatabaseSchemaMigration();
builder.Services.AddCorrelation();
builder.Services.AddRaidCommandErrorHandling();
builder.Services.AddRaidCommandHealthChecks();
builder.Services.AddRaidCommandTelemetry(builder.Configuration);
builder.Services.AddOpenApi();
builder.Services.AddRaidCommandModules();
builder.Services.AddDemo(builder.Configuration);

await using var app = builder.Build();
app.UseRaidCommandRequestPipeline();
app.MapRaidCommandHealthChecks();
app.MapOpenApi().ForSignedIn();
app.MapRaidCommandModules();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
