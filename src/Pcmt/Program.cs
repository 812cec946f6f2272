using Pcmt;
using Pcmt.Cli;

// `pcmt` runs the web application; `pcmt <command> …` runs a CLI command (see Cli/PcmtCommands.cs).
var runCommand = args is [var first, ..] && !first.StartsWith('-');

var builder = WebApplication.CreateBuilder(runCommand ? [] : args); // keeps file paths out of configuration
builder.AddPcmt();

var app = builder.Build();
if (runCommand)
    return await PcmtCommands.RunAsync(app.Services, args);

app.UsePcmt();
await app.RunAsync();
return 0;
