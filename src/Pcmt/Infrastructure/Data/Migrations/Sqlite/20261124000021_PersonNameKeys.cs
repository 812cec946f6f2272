using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonNameKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name_key",
                table: "persons",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "name_key",
                table: "person_aliases",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Existing rows: the words of the folded name in byte order, split with a recursive CTE (SQLite has no arrays).
            foreach (var table in new[] { "persons", "person_aliases" })
            {
                migrationBuilder.Sql($"""
                    UPDATE {table} SET name_key = coalesce((
                      WITH RECURSIVE t(word, rest) AS (
                        SELECT '', search_name || ' '
                        UNION ALL
                        SELECT substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM t WHERE rest <> '')
                      SELECT group_concat(word, ' ') FROM (SELECT word FROM t WHERE word <> '' ORDER BY word)), '')
                    """);
            }

            migrationBuilder.CreateIndex(
                name: "ix_persons_name_key_birth_year",
                table: "persons",
                columns: new[] { "name_key", "birth_year" });

            migrationBuilder.CreateIndex(
                name: "ix_person_aliases_name_key",
                table: "person_aliases",
                column: "name_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_persons_name_key_birth_year",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_person_aliases_name_key",
                table: "person_aliases");

            migrationBuilder.DropColumn(
                name: "name_key",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "name_key",
                table: "person_aliases");
        }
    }
}
