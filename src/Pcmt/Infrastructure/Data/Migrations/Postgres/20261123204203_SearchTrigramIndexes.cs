using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchTrigramIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            // Substring search on folded names ("nguyen van hung" anywhere in a name or alias) with LIKE '%…%'.
            migrationBuilder.Sql("CREATE INDEX ix_persons_search_name_trgm ON persons USING gin (search_name gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_person_aliases_search_name_trgm ON person_aliases USING gin (search_name gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_person_aliases_search_name_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_search_name_trgm;");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
