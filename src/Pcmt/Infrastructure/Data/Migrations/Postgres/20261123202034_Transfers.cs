using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    from_commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    to_province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    to_commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    accepted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
