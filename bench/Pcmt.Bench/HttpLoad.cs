using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// One wrk run (issue 19): requests/s, p50/p99, the errors by kind, and the server's CPU time per request. wrk's "errors" mix
/// very different things: a <c>timeout</c> is a request still unanswered after wrk's timeout (2 s; such requests are left out
/// of wrk's latency percentiles, so a run with timeouts understates its p99), <c>connect/read/write</c> are socket failures
/// (refused or reset connections), and non-2xx/3xx are answers from the server (429, 5xx). The server's CPU milliseconds per
/// request do not depend on what else the machine is doing, unlike requests/s on a shared 2-core machine.
/// </summary>
internal static class HttpLoad
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, int Connect, int Read, int Write, int Timeout, int Non2xx, double ServerCpuMsPerRequest, string Load)
    {
        public int Errors => Connect + Read + Write + Timeout + Non2xx;

        /// <summary>"0", or the kinds that occurred, e.g. "36 (timeout 36)".</summary>
        public string ErrorsByKind
        {
            get
            {
                var kinds = new[] { ("connect", Connect), ("read", Read), ("write", Write), ("timeout > 2 s", Timeout), ("non-2xx", Non2xx) }.Where(k => k.Item2 > 0).ToList();
                return kinds.Count == 0 ? "0" : $"{Errors} ({string.Join(", ", kinds.Select(k => $"{k.Item1} {k.Item2}"))})";
            }
        }
    }

    public static async Task<Result> RunAsync(string url, string header, int connections, int seconds, string serverPid)
    {
        var cpuBefore = CpuSeconds(serverPid);
        var loadBefore = LoadAverage();
        var info = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "2s", "--latency", "-H", header, url]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk could not start (apt-get install wrk).");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var cpu = CpuSeconds(serverPid) - cpuBefore;
        var requests = Number(Regex.Match(text, @"(\d+) requests in").Groups[1].Value);
        var socket = Regex.Match(text, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
        int Socket(int group) => socket.Success ? Number(socket.Groups[group].Value) : 0;
        return new Result(
            double.Parse(Regex.Match(text, @"Requests/sec:\s+([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(text, "50%"), Percentile(text, "99%"),
            Socket(1), Socket(2), Socket(3), Socket(4), Number(Regex.Match(text, @"Non-2xx or 3xx responses:\s+(\d+)").Groups[1].Value),
            requests > 0 && cpu >= 0 ? cpu * 1000 / requests : double.NaN,
            $"{loadBefore}→{LoadAverage()}");
    }

    private static int Number(string text) => text.Length > 0 ? int.Parse(text, CultureInfo.InvariantCulture) : 0;

    private static double Percentile(string text, string label)
    {
        var match = Regex.Match(text, label + @"\s+([\d.]+)(us|ms|s)\b");
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * match.Groups[2].Value switch { "us" => 0.001, "ms" => 1, _ => 1000 } : double.NaN;
    }

    /// <summary>User + system CPU seconds of a process (Linux /proc), or NaN when unknown.</summary>
    private static double CpuSeconds(string pid)
    {
        if (pid.Length == 0 || !File.Exists($"/proc/{pid}/stat"))
            return double.NaN;
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100; // USER_HZ = 100 on Linux
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
