namespace Pcmt.Infrastructure.Uploads;

/// <summary>
/// What an uploaded table may be, checked before it is parsed (docs/security.md, "Tệp tải lên"). The defaults fit the
/// lists provinces keep (250,000 rows of a dozen columns stay well inside them); a use case narrows them with <c>with</c>.
/// </summary>
public sealed record UploadLimits
{
    /// <summary>Size of the request body and of the file as uploaded.</summary>
    public long MaxBytes { get; init; } = 50 * 1024 * 1024;

    /// <summary>Data rows (the header row not counted).</summary>
    public int MaxRows { get; init; } = 300_000;

    public int MaxColumns { get; init; } = 100;

    /// <summary>Longest XML tag or text run, or CSV record, in bytes: Excel's own cell limit (32,767 characters) fits.</summary>
    public int MaxCellBytes { get; init; } = 128 * 1024;

    /// <summary>Entries of an .xlsx (a zip archive).</summary>
    public int MaxEntries { get; init; } = 1_000;

    /// <summary>Inflated size of one entry, declared or actual.</summary>
    public long MaxEntryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Inflated size of all entries together.</summary>
    public long MaxTotalBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Rows reported one by one when a CSV file's rows have the wrong number of columns.</summary>
    public int MaxReportedRows { get; init; } = 50;

    /// <summary>Any uploaded table: lists of persons, task tables, reports.</summary>
    public static readonly UploadLimits Table = new();

    /// <summary>Population figures: one row per commune and year (the country has about 3,300 communes).</summary>
    public static readonly UploadLimits Population = new() { MaxBytes = 10 * 1024 * 1024, MaxRows = 100_000, MaxColumns = 30 };
}

public enum UploadFormat
{
    Xlsx,
    Csv,
}
