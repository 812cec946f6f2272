using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

/// <summary>
/// The import benchmark (issue 7, issue 19 goals 2 and 5): one round imports the same new persons from CSV and from XLSX
/// through the API, beside COPY of the CSV into a plain table and the fair baseline (COPY of the same encrypted rows into
/// <c>persons</c> with all its indexes). Each import's peak server RSS is measured: VmRSS sampled every 50 ms, and with
/// <c>--only import</c> also VmHWM, reset before each import through <c>/proc/PID/clear_refs</c> (Linux ≥ 4.0). <c>--only import</c> runs just this.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task RoundAsync(string url, NpgsqlDataSource data, string token, int importRows, IReadOnlyList<string> communes, int round, Samples samples, string serverPid, bool resetPeak = false)
    {
        await Sql.ExecuteAsync(data, "DROP INDEX IF EXISTS bench_persons_name_trgm");
        var (csv, rows) = ImportFile.Make(importRows, communes, seed: round);
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var bytes = format == "csv" ? Encoding.UTF8.GetBytes(csv) : ImportFile.Xlsx(rows);
            var cpuBefore = ServerCpuSeconds(serverPid);
            var rssBefore = StatusKilobytes(serverPid, "VmRSS") / 1024.0;
            var reset = resetPeak && ResetPeak(serverPid); // the full suite keeps the process's peak for its memory line
            using var sampler = new RssSampler(serverPid);
            var watch = Stopwatch.StartNew();
            using (var form = new MultipartFormDataContent())
            {
                form.Add(new ByteArrayContent(bytes), "file", $"bench.{format}");
                form.Add(new StringContent("true"), "importValidRows");
                using var response = await Api.Client(url, token).PostAsync("/api/v1/persons/import", form);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                watch.Stop();
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"import {format}: {(int)response.StatusCode} {body}");
                Console.WriteLine($"import {format}: {body.GetProperty("imported").GetInt32():N0} imported, {body.GetProperty("refused").GetInt32():N0} refused (citizen ID already registered), {body.GetProperty("possibleDuplicates").GetInt32():N0} possible duplicates, {watch.Elapsed.TotalSeconds:N1} s");
                samples.Add($"import {format} imported", body.GetProperty("imported").GetInt32());
            }

            samples.Add($"import {format} app", watch.Elapsed.TotalMilliseconds);
            if (serverPid.Length > 0)
            {
                var peak = reset ? PeakMegabytes(serverPid) : 0;
                var sampled = sampler.MaxMegabytes;
                samples.Add($"import {format} rss peak", Math.Max(peak, sampled));
                samples.Add($"import {format} cpu", ServerCpuSeconds(serverPid) - cpuBefore);
                samples.Add($"import {format} rss before", rssBefore);
                Console.WriteLine($"import {format}: server RSS before {rssBefore:N0} MB, VmHWM since reset {peak:N0} MB, sampled VmRSS max {sampled:N0} MB, CPU {ServerCpuSeconds(serverPid) - cpuBefore:N1} s, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            }

            var encrypted = format == "csv" ? await EncryptedCopyBaseline.CaptureAsync(data, ImportFile.Since) : null; // issue 19: the fair baseline
            await ImportFile.DeleteImportedAsync(data);
            if (encrypted is not null)
            {
                var copied = await EncryptedCopyBaseline.CopyAsync(data, encrypted);
                samples.Add("import copy persons", copied);
                Console.WriteLine($"COPY of the same encrypted rows into persons: {copied / 1000:N1} s");
                await ImportFile.DeleteImportedAsync(data);
            }
        }

        await Sql.ExecuteAsync(data, "DROP TABLE IF EXISTS bench_import; CREATE TABLE bench_import (full_name text, date_of_birth text, sex text, commune_code text, address text, citizen_id text)");
        var copyWatch = Stopwatch.StartNew();
        await using (var connection = await data.OpenConnectionAsync())
        await using (var writer = await connection.BeginTextImportAsync("COPY bench_import FROM STDIN (FORMAT csv, HEADER true)"))
            await writer.WriteAsync(csv);
        samples.Add("import copy", copyWatch.Elapsed.TotalMilliseconds);
    }

    /// <summary>`--only import`: the rounds, the table with each round's figures, and the server's peak RSS per import.</summary>
    public static async Task RunAsync(string url, NpgsqlDataSource data, Report report, string token, string province, int importRows, int rounds, string serverPid)
    {
        var communes = (await Sql.ListAsync<string>(data, $"SELECT code FROM administrative_units WHERE level = 'Commune' AND valid_to IS NULL AND province_code = '{province}' ORDER BY code")).ToList();
        var samples = new Samples();
        var loads = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            Console.WriteLine($"== import round {round} of {rounds}");
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            await RoundAsync(url, data, token, importRows, communes, round, samples, serverPid, resetPeak: true);
            loads.Add($"{load}→{File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }

        Table(report, samples, importRows, rounds);
        if (serverPid.Length > 0)
        {
            report.Table("Server per import (each round)", ["Round", "CSV time", "CSV RSS before → peak", "CSV server CPU", "XLSX time", "XLSX RSS before → peak", "XLSX server CPU", "COPY into persons", "Load before→after"],
                Enumerable.Range(0, rounds).Select(i => new[]
                {
                    (i + 1).ToString(CultureInfo.InvariantCulture), Seconds(samples.Values("import csv app")[i]), $"{samples.Values("import csv rss before")[i]:N0} → {samples.Values("import csv rss peak")[i]:N0} MB", $"{samples.Values("import csv cpu")[i]:N1} s",
                    Seconds(samples.Values("import xlsx app")[i]), $"{samples.Values("import xlsx rss before")[i]:N0} → {samples.Values("import xlsx rss peak")[i]:N0} MB", $"{samples.Values("import xlsx cpu")[i]:N1} s",
                    Seconds(samples.Values("import copy persons")[i]), loads[i],
                }));
        }
    }

    public static void Table(Report report, Samples samples, int importRows, int rounds)
    {
        var invariant = CultureInfo.InvariantCulture;
        string Cell(string key) => samples.Median(key);
        string RatioOf(string app, string sql) => Ratio(samples.MedianValue(app), samples.MedianValue(sql));
        string Rate(string key) => (importRows / (samples.MedianValue(key) / 1000)).ToString("N0", invariant);
        report.Table($"Import of {importRows:N0} new persons (with citizen IDs) through the API, median of {rounds} rounds", ["", "Time", "Rows/s", "Ratio to COPY"],
        [
            ["PCMT, CSV (validation, duplicate detection, file numbers, audit)", Cell("import csv app"), Rate("import csv app"), RatioOf("import csv app", "import copy")],
            ["PCMT, XLSX (the same rows)", Cell("import xlsx app"), Rate("import xlsx app"), RatioOf("import xlsx app", "import copy")],
            ["Baseline: COPY of the CSV into a plain table", Cell("import copy"), Rate("import copy"), "1.0×"],
            ["Baseline (issue 19): COPY of the same encrypted rows into persons, all indexes; PCMT CSV / XLSX against it", Cell("import copy persons"), Rate("import copy persons"), RatioOf("import csv app", "import copy persons") + " / " + RatioOf("import xlsx app", "import copy persons")],
        ]);
        report.Line($"Rows imported per round: CSV {samples.Median("import csv imported", raw: true)}, XLSX {samples.Median("import xlsx imported", raw: true)} (the rest share a citizen ID with a generated person and are refused, as they must be).");
        if (samples.Keys.Contains("import csv rss peak"))
            report.Line($"Server peak RSS during the import (VmHWM reset before each import, or VmRSS sampled every 50 ms): CSV {samples.Median("import csv rss peak", raw: true)} MB, XLSX {samples.Median("import xlsx rss peak", raw: true)} MB.");
    }

    private static string Ratio(double app, double baseline) => baseline <= 0 ? "—" : (app / baseline).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static string Seconds(double milliseconds) => (milliseconds / 1000).ToString("N1", CultureInfo.InvariantCulture) + " s";

    /// <summary>Resets the process's VmHWM to its current RSS (writing 5 to clear_refs); false when not allowed.</summary>
    private static bool ResetPeak(string pid)
    {
        if (pid.Length == 0)
            return false;
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double PeakMegabytes(string pid) => StatusKilobytes(pid, "VmHWM") / 1024.0;

    internal static double StatusKilobytes(string pid, string field)
    {
        if (pid.Length == 0)
            return 0;
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>User + system CPU seconds of the server process so far (/proc/PID/stat, clock ticks of 1/100 s).</summary>
    private static double ServerCpuSeconds(string pid)
    {
        if (pid.Length == 0 || !File.Exists($"/proc/{pid}/stat"))
            return 0;
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100;
    }

    private sealed class RssSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _task;
        private double _max;

        public RssSampler(string pid)
        {
            _task = pid.Length == 0 ? Task.CompletedTask : Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _max = Math.Max(_max, StatusKilobytes(pid, "VmRSS") / 1024.0);
                    try
                    {
                        await Task.Delay(50, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });
        }

        public double MaxMegabytes => _max;

        public void Dispose()
        {
            _stop.Cancel();
            _task.Wait();
            _stop.Dispose();
        }
    }
}
