using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmt.Features.Persons;

/// <summary>The last running number of the file codes (mã hồ sơ) of one commune in one year; the key is the code's prefix ("05443-26-").</summary>
public sealed class FileNumberCounter
{
    public string Prefix { get; set; } = "";

    public int LastNumber { get; set; }
}

internal sealed class FileNumberCounterConfiguration : IEntityTypeConfiguration<FileNumberCounter>
{
    public void Configure(EntityTypeBuilder<FileNumberCounter> builder)
    {
        builder.ToTable("file_number_counters");
        builder.HasKey(c => c.Prefix);
        builder.Property(c => c.Prefix).HasMaxLength(16);
    }
}

/// <summary>
/// Số hồ sơ without a race: one counter row per commune and year, advanced by a single atomic statement
/// (<c>UPDATE … SET last_number = last_number + n RETURNING</c>, or on the commune's first file of the year
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, starting after the highest code already stored). Called inside the
/// caller's transaction: the row stays locked until it commits, so concurrent registrations of one commune queue on it and a
/// rolled-back registration gives its number back (no gaps). Registrations of different communes do not wait for each other.
/// PostgreSQL and SQLite (3.35+) both accept the statements.
/// </summary>
public static class FileNumbers
{
    public static string PrefixOf(string communeCode, DateTime now) => $"{communeCode}-{now:yy}-";

    public static string Format(string prefix, int number) => $"{prefix}{number:D5}";

    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first. Requires an open transaction.</summary>
    public static async Task<int> AllocateAsync(AppDbContext db, string prefix, int count, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("File numbers are allocated inside the transaction that stores them.");
        var last = await db.Database.SqlQuery<int>(
            $"UPDATE file_number_counters SET last_number = last_number + {count} WHERE prefix = {prefix} RETURNING last_number AS \"Value\"")
            .ToListAsync(cancellationToken);
        if (last.Count == 0)
        {
            // First file of the commune this year (or first since the counters were introduced): continue after the highest
            // code stored. Two first registrations at once: the second waits on the inserted row and takes the next number.
            var pattern = prefix + "%";
            var start = prefix.Length + 1;
            last = await db.Database.SqlQuery<int>($"""
                INSERT INTO file_number_counters (prefix, last_number)
                SELECT {prefix}, COALESCE(MAX(CAST(SUBSTR(file_code, {start}) AS INTEGER)), 0) + {count} FROM persons WHERE file_code LIKE {pattern}
                ON CONFLICT (prefix) DO UPDATE SET last_number = file_number_counters.last_number + {count}
                RETURNING last_number AS "Value"
                """).ToListAsync(cancellationToken);
        }

        return last[0] - count + 1;
    }
}

/// <summary>What a unique index's refusal means: the index named in the database's error.</summary>
public static class UniqueViolation
{
    /// <summary>The name of the unique index that refused the write (PostgreSQL 23505, SQLite 2067), or null for any other error.</summary>
    public static string? IndexOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "23505" } postgres)
                return postgres.ConstraintName ?? "";
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 } sqlite)
                return sqlite.Message; // "UNIQUE constraint failed: persons.citizen_id_index": the columns, not the index name
        }

        return null;
    }

    public static bool IsOn(Exception exception, string index, string column) =>
        IndexOf(exception) is { } found && (found.Contains(index, StringComparison.Ordinal) || found.Contains(column, StringComparison.Ordinal));
}
