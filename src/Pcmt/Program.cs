using Pcmt;
using Pcmt.Cli;

// `pcmt` runs the web application; `pcmt <command> …` runs a CLI command (see Cli/PcmtCommands.cs).
var runCommand = args is [var first, ..] && !first.StartsWith('-');

var builder = WebApplication.CreateBuilder(runCommand ? [] : args); // keeps file paths out of configuration
builder.AddPcmt();

var app = builder.Build();
if (runCommand)
    return await PcmtCommands.RunAsync(app.Services, args);

// First start (docs/performance.md): the database is prepared on another core while this thread maps the endpoints and the
// server starts; requests wait for it (Infrastructure/Web/DatabaseReadiness.cs) except the login page and sign-in redirects.
var preparing = app.Services.GetRequiredService<DatabaseInitializer>().Begin();
app.UsePcmt();
await app.RunAsync();
return preparing.IsFaulted ? 1 : 0; // a failed preparation stops the node (DatabaseInitializer.Gate)
