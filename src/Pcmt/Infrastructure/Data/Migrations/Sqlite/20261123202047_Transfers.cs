using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Transfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "transfers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    from_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    to_province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    to_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    accepted_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_from_province_code_from_commune_code_accepted_at",
                table: "transfers",
                columns: new[] { "from_province_code", "from_commune_code", "accepted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_person_id_accepted_at",
                table: "transfers",
                columns: new[] { "person_id", "accepted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_to_province_code_to_commune_code_accepted_at",
                table: "transfers",
                columns: new[] { "to_province_code", "to_commune_code", "accepted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transfers");
        }
    }
}
