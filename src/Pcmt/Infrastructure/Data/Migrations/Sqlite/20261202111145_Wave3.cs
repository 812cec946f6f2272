using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "import_file_name",
                table: "population_check_jobs",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmation",
                table: "budget_lines",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "version",
                table: "budget_lines",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "budget_disbursements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount_vnd = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_disbursements", x => x.id);
                    table.ForeignKey(
                        name: "fk_budget_disbursements_budget_lines_plan_id_project_code_year_source",
                        columns: x => new { x.plan_id, x.project_code, x.year, x.source },
                        principalTable: "budget_lines",
                        principalColumns: new[] { "plan_id", "project_code", "year", "source" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "population_check_job_persons",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_check_job_persons", x => new { x.job_id, x.person_id });
                    table.ForeignKey(
                        name: "fk_population_check_job_persons_population_check_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "population_check_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_records_kind_occurred_at",
                table: "case_records",
                columns: new[] { "kind", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_budget_disbursements_plan_id_project_code_year_source_on",
                table: "budget_disbursements",
                columns: new[] { "plan_id", "project_code", "year", "source", "on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_disbursements");

            migrationBuilder.DropTable(
                name: "population_check_job_persons");

            migrationBuilder.DropIndex(
                name: "ix_case_records_kind_occurred_at",
                table: "case_records");

            migrationBuilder.DropColumn(
                name: "import_file_name",
                table: "population_check_jobs");

            migrationBuilder.DropColumn(
                name: "confirmation",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "version",
                table: "budget_lines");
        }
    }
}
