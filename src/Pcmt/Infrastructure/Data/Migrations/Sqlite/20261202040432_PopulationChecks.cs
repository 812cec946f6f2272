using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PopulationChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "population_check_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    scope_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    scope_code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    target_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    target_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    matched = table.Column<int>(type: "INTEGER", nullable: false),
                    mismatched = table.Column<int>(type: "INTEGER", nullable: false),
                    not_found = table.Column<int>(type: "INTEGER", nullable: false),
                    unavailable = table.Column<int>(type: "INTEGER", nullable: false),
                    last_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    heartbeat_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_check_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "population_check_results",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    checked_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    differences = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    checked_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_check_results", x => x.person_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_population_check_jobs_status_created_at",
                table: "population_check_jobs",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_population_check_results_status",
                table: "population_check_results",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "population_check_jobs");

            migrationBuilder.DropTable(
                name: "population_check_results");
        }
    }
}
