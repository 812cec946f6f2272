using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlansTasksBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: false),
                    to_year = table.Column<int>(type: "integer", nullable: false),
                    total_budget_vnd = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "budget_lines",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    agency_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    allocated_vnd = table.Column<long>(type: "bigint", nullable: false),
                    disbursed_vnd = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_lines", x => new { x.plan_id, x.project_code, x.year, x.source });
                    table.ForeignKey(
                        name: "fk_budget_lines_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    lead_agency_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    partner_agency_codes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    due_text = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recurrence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    series_id = table.Column<Guid>(type: "uuid", nullable: true),
                    project_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    last_reported_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_tasks_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_progress",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    percent = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_progress", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_progress_plan_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plan_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    progress_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_evidence_task_progress_progress_id",
                        column: x => x.progress_id,
                        principalTable: "task_progress",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_lead_agency_code_due_on",
                table: "plan_tasks",
                columns: new[] { "lead_agency_code", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_plan_id",
                table: "plan_tasks",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_tasks_province_code_due_on",
                table: "plan_tasks",
                columns: new[] { "province_code", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_plans_province_code",
                table: "plans",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_task_evidence_progress_id",
                table: "task_evidence",
                column: "progress_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_evidence_task_id",
                table: "task_evidence",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_progress_task_id",
                table: "task_progress",
                column: "task_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_lines");

            migrationBuilder.DropTable(
                name: "task_evidence");

            migrationBuilder.DropTable(
                name: "task_progress");

            migrationBuilder.DropTable(
                name: "plan_tasks");

            migrationBuilder.DropTable(
                name: "plans");
        }
    }
}
