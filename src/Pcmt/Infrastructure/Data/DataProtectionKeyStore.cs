using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Pcmt.Infrastructure.Data;

/// <summary>
/// The data-protection key ring (cookies, bearer tokens, antiforgery tokens) in the <c>data_protection_keys</c> table, as
/// before, so every node reads the same keys. On SQLite the table is read and written with plain SQL once the database file
/// is in place (<see cref="DatabaseInitializer.FileReady"/>): the login page's antiforgery token then needs neither EF Core's
/// model nor the end of the database preparation, and a first start serves it while both are still under way
/// (docs/performance.md, first start). On PostgreSQL EF Core's own store reads it, after the preparation.
/// </summary>
public sealed class DataProtectionKeyStore(IServiceProvider services, DatabaseInitializer database, DatabaseOptions options, ILoggerFactory loggers)
    : IXmlRepository
{
    private readonly Lazy<EntityFrameworkCoreXmlRepository<AppDbContext>> _entityFramework = new(() => new(services, loggers));
    private readonly ILogger _logger = loggers.CreateLogger<DataProtectionKeyStore>();
    private string? _connectionString;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            database.Ready.GetAwaiter().GetResult();
            return _entityFramework.Value.GetAllElements();
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY id";
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            if (reader.IsDBNull(0) || reader.GetString(0) is not { Length: > 0 } xml)
                continue;
            try
            {
                elements.Add(XElement.Parse(xml));
            }
            catch (System.Xml.XmlException)
            {
                _logger.LogWarning("A data-protection key row is not valid XML; it is skipped.");
            }
        }

        return elements.AsReadOnly();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            database.Ready.GetAwaiter().GetResult();
            _entityFramework.Value.StoreElement(element, friendlyName);
            return;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($name, $xml)";
        command.Parameters.AddWithValue("$name", friendlyName);
        command.Parameters.AddWithValue("$xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    /// <summary>A connection to the database file once it is in place and has the table (else after the whole preparation, which migrates it).</summary>
    private SqliteConnection Open()
    {
        database.FileReady.GetAwaiter().GetResult();
        if (_connectionString is null)
        {
            using var scope = services.CreateScope();
            _connectionString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString();
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        if (!database.IsReady)
        {
            using var exists = connection.CreateCommand();
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'data_protection_keys'";
            if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
                database.Ready.GetAwaiter().GetResult(); // no template: the migrations create the table
        }

        return connection;
    }
}

public static class DataProtectionKeyStoreSetup
{
    /// <summary>Keeps the data-protection keys in the PCMT database (<see cref="DataProtectionKeyStore"/>).</summary>
    public static IDataProtectionBuilder PersistKeysToPcmtDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = ActivatorUtilities.CreateInstance<DataProtectionKeyStore>(services)));
        return builder;
    }
}
