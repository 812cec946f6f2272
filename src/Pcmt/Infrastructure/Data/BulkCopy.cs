using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using Pcmt.Features.Persons;

namespace Pcmt.Infrastructure.Data;

/// <summary>
/// The database's bulk path for generated or imported rows: PostgreSQL binary COPY, with the columns, value converters and
/// owned types taken from the EF Core model (so it follows the schema); on SQLite, batched inserts. One audit entry per call,
/// or none when the caller writes its own summary entry in the same transaction (summary null).
/// </summary>
public static class BulkCopy
{
    public static async Task<long> WriteAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, string? summary, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return 0;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        if (!db.Database.IsNpgsql())
        {
            foreach (var batch in rows.Chunk(5000))
            {
                db.AddRange(batch);
                await db.SaveBulkAsync(typeof(T).Name, summary is null ? null : summary + $" ({batch.Length} dòng)", cancellationToken);
                db.ChangeTracker.Clear();
            }

            return rows.Count;
        }

        var columns = Columns(entityType).ToList();
        var table = entityType.GetTableName()!;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(cancellationToken);
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    var value = column.Read(row);
                    if (value is null)
                        await importer.WriteNullAsync(cancellationToken);
                    else
                        await importer.WriteAsync(value, column.Type, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Imported persons (or aliases) become searchable on every node: their provinces leave the name indexes at commit.
        IReadOnlyCollection<string> provinces = rows switch
        {
            IEnumerable<Person> persons => persons.Select(p => p.ProvinceCode).ToHashSet(StringComparer.Ordinal),
            IEnumerable<PersonAlias> => [PersonNameIndex.AllProvinces],
            _ => [],
        };
        await PersonNameIndex.NotifyAsync(db.Database, provinces, cancellationToken);
        if (summary is not null)
            await db.SaveBulkAsync(typeof(T).Name, summary + $" ({rows.Count} dòng, COPY)", cancellationToken);
        db.DropFromNameIndex(provinces);
        return rows.Count;
    }

    private sealed record Column(string Name, NpgsqlDbType Type, Func<object, object?> Read);


    private static IEnumerable<Column> Columns(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        foreach (var property in entityType.GetProperties())
        {
            // Keys the database generates (identity columns) are left to it.
            if (property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType is { } t && (t == typeof(long) || t == typeof(int)) && property.IsKey())
                continue;
            if (property.IsShadowProperty())
                continue;
            yield return Make(property, table, entity => property.GetGetter().GetClrValue(entity));
        }

        foreach (var navigation in entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            var getter = navigation.GetGetter();
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsShadowProperty()))
            {
                var inner = property.GetGetter();
                yield return Make(property, table, entity => getter.GetClrValue(entity) is { } owned ? inner.GetClrValue(owned) : null);
            }
        }
    }

    private static Column Make(IProperty property, StoreObjectIdentifier table, Func<object, object?> read)
    {
        var converter = property.GetTypeMapping().Converter;
        var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
        if (providerType.IsEnum)
            providerType = Enum.GetUnderlyingType(providerType);
        var type = providerType switch
        {
            _ when providerType == typeof(string) => NpgsqlDbType.Text,
            _ when providerType == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when providerType == typeof(int) => NpgsqlDbType.Integer,
            _ when providerType == typeof(long) => NpgsqlDbType.Bigint,
            _ when providerType == typeof(short) => NpgsqlDbType.Smallint,
            _ when providerType == typeof(bool) => NpgsqlDbType.Boolean,
            _ when providerType == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when providerType == typeof(DateOnly) => NpgsqlDbType.Date,
            _ when providerType == typeof(DateTime) => NpgsqlDbType.TimestampTz,
            _ => throw new NotSupportedException($"Bulk copy of {providerType.Name} ({property.Name}) is not supported."),
        };
        Func<object?, object?> convert = converter is null
            ? (property.ClrType.IsEnum || Nullable.GetUnderlyingType(property.ClrType)?.IsEnum == true ? v => v is null ? null : Convert.ChangeType(v, providerType, System.Globalization.CultureInfo.InvariantCulture) : v => v)
            : v => v is null ? null : converter.ConvertToProvider(v);
        return new Column(property.GetColumnName(table)!, type, entity => convert(read(entity)));
    }
}
