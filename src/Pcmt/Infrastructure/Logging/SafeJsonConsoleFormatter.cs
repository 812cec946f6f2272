using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Pcmt.Infrastructure.Logging;

/// <summary>
/// The production log format (appsettings.Production.json, FormatterName "pcmt-json"): one JSON object per line, like the
/// built-in "json" formatter, but it never throws. Every string is cut to <see cref="MaxChars"/> characters (the built-in
/// writer throws on strings over ≈ 166 MB, which is what a hostile upload's parser message once was), and an exception is
/// written as its type and stack trace only: exception messages may quote user input (docs/security.md, "Nhật ký").
/// </summary>
public sealed class SafeJsonConsoleFormatter(IOptionsMonitor<JsonConsoleFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "pcmt-json";
    public const int MaxChars = 8 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        try
        {
            var message = logEntry.Formatter(logEntry.State, null);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                if (options.CurrentValue.TimestampFormat is { } format)
                    writer.WriteString("Timestamp", (options.CurrentValue.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now).ToString(format, System.Globalization.CultureInfo.InvariantCulture));
                else
                    writer.WriteString("Timestamp", options.CurrentValue.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now);
                writer.WriteNumber("EventId", logEntry.EventId.Id);
                writer.WriteString("LogLevel", logEntry.LogLevel.ToString());
                writer.WriteString("Category", Cut(logEntry.Category));
                writer.WriteString("Message", Cut(message));
                if (logEntry.Exception is { } exception)
                    writer.WriteString("Exception", Cut(Describe(exception)));
                writer.WriteEndObject();
            }

            textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            textWriter.Write(Environment.NewLine);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // A log line that cannot be written must not take the request down with it.
            textWriter.Write($"{{\"LogLevel\":\"{logEntry.LogLevel}\",\"Message\":\"(log entry not written: {failure.GetType().Name})\"}}{Environment.NewLine}");
        }
    }

    /// <summary>Types and stack traces of the exception and its inner ones; never their messages.</summary>
    public static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        for (Exception? current = exception; current is not null && text.Length < MaxChars; current = current.InnerException)
        {
            if (text.Length > 0)
                text.Append(" ---> ");
            text.Append(current.GetType().FullName).Append('\n').Append(current.StackTrace);
        }

        return text.ToString();
    }

    private static string Cut(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var cut = text.Length <= MaxChars ? text : text[..MaxChars] + "…";
        if (!cut.Any(char.IsSurrogate))
            return cut;
        // A lone surrogate (at the cut, or anywhere) is invalid UTF-16: replaced; pairs are kept.
        var chars = cut.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]))
                chars[i] = '\uFFFD';
        }

        return new string(chars);
    }
}
