using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataBreaches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_breaches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    discovered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    categories = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject_count = table.Column<int>(type: "integer", nullable: false),
                    responsible_officer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    authority_notified_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    subjects_notified_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_breaches", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_data_breaches_discovered_at",
                table: "data_breaches",
                column: "discovered_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_breaches");
        }
    }
}
