using Pcmt;
using Pcmt.Cli;

// `pcmt` runs the web application; `pcmt <command> …` runs a CLI command (see Cli/PcmtCommands.cs).
var runCommand = args is [var first, ..] && !first.StartsWith('-');

var builder = WebApplication.CreateBuilder(runCommand ? [] : args); // keeps file paths out of configuration
builder.AddPcmt();

var app = builder.Build();
if (runCommand)
    return await PcmtCommands.RunAsync(app.Services, args);

// First start (docs/performance.md): the database is prepared on another core while this thread maps the endpoints; the
// host's start waits for it (DatabaseInitializer.Gate), so nothing listens before the database is ready.
_ = app.Services.GetRequiredService<DatabaseInitializer>().Begin();
app.UsePcmt();
await app.RunAsync();
return 0;
