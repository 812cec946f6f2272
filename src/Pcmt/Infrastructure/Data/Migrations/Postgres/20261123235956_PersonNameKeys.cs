using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "name_key",
                table: "person_aliases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Existing rows: the words of the folded name in byte order (folded names are ASCII, so "C" order = the app's ordinal order).
            foreach (var table in new[] { "persons", "person_aliases" })
                migrationBuilder.Sql($"UPDATE {table} SET name_key = array_to_string(ARRAY(SELECT w FROM unnest(string_to_array(search_name, ' ')) AS w WHERE w <> '' ORDER BY w COLLATE \"C\"), ' ')");

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
