using System.Diagnostics;
using Npgsql;

/// <summary>
/// The fair import baseline (issue 19): COPY of the same rows the app just imported, already validated, encrypted and
/// numbered, back into <c>persons</c> with all its indexes (two trigram GIN among them), in binary. This is the table's own
/// limit: what an import would cost if validation, duplicate checks and encryption were free.
/// </summary>
internal static class EncryptedCopyBaseline
{
    /// <summary>The rows the import created (since <paramref name="since"/>), as COPY binary bytes.</summary>
    public static async Task<byte[]> CaptureAsync(NpgsqlDataSource data, DateTime since)
    {
        await using var connection = await data.OpenConnectionAsync();
        using var buffer = new MemoryStream();
        await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY (SELECT * FROM persons WHERE created_at >= '{since:O}'::timestamptz) TO STDOUT (FORMAT binary)"))
            await copy.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Milliseconds to COPY the captured rows into persons (committed); the caller deletes them again afterwards.</summary>
    public static async Task<double> CopyAsync(NpgsqlDataSource data, byte[] rows)
    {
        await using var connection = await data.OpenConnectionAsync();
        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginRawBinaryCopyAsync("COPY persons FROM STDIN (FORMAT binary)"))
            await copy.WriteAsync(rows);
        return watch.Elapsed.TotalMilliseconds;
    }
}
