using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgramMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "version",
                table: "hotspots",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "version",
                table: "cultivation_finds",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "recorded_scope",
                table: "case_records",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "void_reason",
                table: "case_records",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "voided_at",
                table: "case_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "voided_by",
                table: "case_records",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agencies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agencies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_breaches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    discovered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    categories = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    subject_count = table.Column<int>(type: "INTEGER", nullable: false),
                    responsible_officer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    authority_notified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    subjects_notified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_breaches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drug_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    detecting_unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    detected_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    route = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    organised = table.Column<bool>(type: "INTEGER", nullable: false),
                    transnational = table.Column<bool>(type: "INTEGER", nullable: false),
                    offences = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drug_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "file_number_counters",
                columns: table => new
                {
                    prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    last_number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_number_counters", x => x.prefix);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    from_year = table.Column<int>(type: "INTEGER", nullable: false),
                    to_year = table.Column<int>(type: "INTEGER", nullable: false),
                    total_budget_vnd = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "report_templates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    definition = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    template_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    template_version = table.Column<int>(type: "INTEGER", nullable: false),
                    template = table.Column<string>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    reporter_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reporter_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    approved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    values = table.Column<string>(type: "TEXT", nullable: false),
                    notes = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "review_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    subject_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    snapshot = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    receipt_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    secret_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    reported_commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    text_protected = table.Column<string>(type: "TEXT", nullable: false),
                    contact_protected = table.Column<string>(type: "TEXT", nullable: true),
                    school_name_protected = table.Column<string>(type: "TEXT", nullable: true),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    received_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    updated_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    outcome_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    duplicate_of_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    hotspot_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tips", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wanted_persons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    full_name_protected = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    birth_year = table.Column<int>(type: "INTEGER", nullable: true),
                    warrant_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    offence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    hiding_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wanted_persons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_suspects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    full_name_protected = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    birth_year = table.Column<int>(type: "INTEGER", nullable: true),
                    residence_protected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    resident = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_suspects", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_suspects_drug_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "drug_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prosecution_stages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    persons = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prosecution_stages", x => x.id);
                    table.ForeignKey(
                        name: "fk_prosecution_stages_drug_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "drug_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "seizures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    substance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", precision: 16, scale: 3, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seizures", x => x.id);
                    table.ForeignKey(
                        name: "fk_seizures_drug_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "drug_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budget_lines",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    agency_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    allocated_vnd = table.Column<long>(type: "INTEGER", nullable: false),
                    disbursed_vnd = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    section = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    lead_agency_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    partner_agency_codes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    due_text = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recurrence = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    series_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    percent = table.Column<int>(type: "INTEGER", nullable: false),
                    last_reported_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "tip_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tip_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    width = table.Column<int>(type: "INTEGER", nullable: false),
                    height = table.Column<int>(type: "INTEGER", nullable: false),
                    metadata_kept = table.Column<bool>(type: "INTEGER", nullable: false),
                    content_protected = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tip_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_tip_photos_tips_tip_id",
                        column: x => x.tip_id,
                        principalTable: "tips",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_progress",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    percent = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    progress_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "ix_agencies_code",
                table: "agencies",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agencies_province_code_name",
                table: "agencies",
                columns: new[] { "province_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_case_suspects_case_id",
                table: "case_suspects",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_suspects_person_id",
                table: "case_suspects",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_breaches_discovered_at",
                table: "data_breaches",
                column: "discovered_at");

            migrationBuilder.CreateIndex(
                name: "ix_drug_cases_province_code_commune_code_detected_on",
                table: "drug_cases",
                columns: new[] { "province_code", "commune_code", "detected_on" });

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
                name: "ix_population_check_jobs_status_created_at",
                table: "population_check_jobs",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_population_check_results_status",
                table: "population_check_results",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_prosecution_stages_case_id",
                table: "prosecution_stages",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_templates_code_version",
                table: "report_templates",
                columns: new[] { "code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reports_province_code_period_status",
                table: "reports",
                columns: new[] { "province_code", "period", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_template_code_period_reporter_code",
                table: "reports",
                columns: new[] { "template_code", "period", "reporter_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_events_subject_type_subject_id_id",
                table: "review_events",
                columns: new[] { "subject_type", "subject_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_seizures_case_id",
                table: "seizures",
                column: "case_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_tip_photos_tip_id",
                table: "tip_photos",
                column: "tip_id");

            migrationBuilder.CreateIndex(
                name: "ix_tips_province_code_commune_code_status",
                table: "tips",
                columns: new[] { "province_code", "commune_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tips_receipt_code",
                table: "tips",
                column: "receipt_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_wanted_persons_province_code_commune_code_hiding_from",
                table: "wanted_persons",
                columns: new[] { "province_code", "commune_code", "hiding_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agencies");

            migrationBuilder.DropTable(
                name: "budget_lines");

            migrationBuilder.DropTable(
                name: "case_suspects");

            migrationBuilder.DropTable(
                name: "data_breaches");

            migrationBuilder.DropTable(
                name: "file_number_counters");

            migrationBuilder.DropTable(
                name: "population_check_jobs");

            migrationBuilder.DropTable(
                name: "population_check_results");

            migrationBuilder.DropTable(
                name: "prosecution_stages");

            migrationBuilder.DropTable(
                name: "report_templates");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "review_events");

            migrationBuilder.DropTable(
                name: "seizures");

            migrationBuilder.DropTable(
                name: "task_evidence");

            migrationBuilder.DropTable(
                name: "tip_photos");

            migrationBuilder.DropTable(
                name: "wanted_persons");

            migrationBuilder.DropTable(
                name: "drug_cases");

            migrationBuilder.DropTable(
                name: "task_progress");

            migrationBuilder.DropTable(
                name: "tips");

            migrationBuilder.DropTable(
                name: "plan_tasks");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropColumn(
                name: "version",
                table: "hotspots");

            migrationBuilder.DropColumn(
                name: "version",
                table: "cultivation_finds");

            migrationBuilder.DropColumn(
                name: "recorded_scope",
                table: "case_records");

            migrationBuilder.DropColumn(
                name: "void_reason",
                table: "case_records");

            migrationBuilder.DropColumn(
                name: "voided_at",
                table: "case_records");

            migrationBuilder.DropColumn(
                name: "voided_by",
                table: "case_records");
        }
    }
}
