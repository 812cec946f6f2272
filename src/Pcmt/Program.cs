using Pcmt;
using Pcmt.Cli;

// `pcmt` runs the web application; `pcmt <command> …` runs a CLI command (see Cli/PcmtCommands.cs).
var runCommand = args is [var first, ..] && !first.StartsWith('-');

var builder = WebApplication.CreateBuilder(runCommand ? [] : args); // keeps file paths out of configuration
builder.AddPcmt();

var app = builder.Build();
if (runCommand)
    return await PcmtCommands.RunAsync(app.Services, args);

// First start (docs/performance.md): the database is prepared on another core while this thread maps the endpoints and
// builds them once ahead (WarmUpEndpoints); the host's start waits for the database (DatabaseInitializer.Gate), so nothing
// listens before it is ready.
_ = app.Services.GetRequiredService<DatabaseInitializer>().Begin();
app.UsePcmt();
app.WarmUpEndpoints();
await app.RunAsync();
return 0;
