using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegalLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "persons",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "none"); // existing persons have no legal records yet

            migrationBuilder.CreateTable(
                name: "case_records",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_records", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "facilities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    licence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facilities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "legal_parameter_settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    regime = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_parameter_settings", x => new { x.key, x.regime });
                });

            migrationBuilder.CreateTable(
                name: "list_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    list = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    removal_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "public_holidays",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    removed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_public_holidays", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "support_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    requested_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    provided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    provider = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_services", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "work_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    authority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    form = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    assignee_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    overdue_since = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_items", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_persons_status_province_code_commune_code",
                table: "persons",
                columns: new[] { "status", "province_code", "commune_code" });

            migrationBuilder.CreateIndex(
                name: "ix_case_records_id",
                table: "case_records",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_records_person_id_sequence",
                table: "case_records",
                columns: new[] { "person_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_facilities_province_code_kind",
                table: "facilities",
                columns: new[] { "province_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_list_province_code_commune_code_to_on",
                table: "list_entries",
                columns: new[] { "list", "province_code", "commune_code", "to_on" });

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_person_id_list_source_id",
                table: "list_entries",
                columns: new[] { "person_id", "list", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_services_kind_province_code_commune_code_provided_on",
                table: "support_services",
                columns: new[] { "kind", "province_code", "commune_code", "provided_on" });

            migrationBuilder.CreateIndex(
                name: "ix_support_services_person_id",
                table: "support_services",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_items_due_at",
                table: "work_items",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_work_items_person_id_kind_source_id",
                table: "work_items",
                columns: new[] { "person_id", "kind", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_items_province_code_commune_code_due_at",
                table: "work_items",
                columns: new[] { "province_code", "commune_code", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_records");

            migrationBuilder.DropTable(
                name: "facilities");

            migrationBuilder.DropTable(
                name: "legal_parameter_settings");

            migrationBuilder.DropTable(
                name: "list_entries");

            migrationBuilder.DropTable(
                name: "public_holidays");

            migrationBuilder.DropTable(
                name: "support_services");

            migrationBuilder.DropTable(
                name: "work_items");

            migrationBuilder.DropIndex(
                name: "ix_persons_status_province_code_commune_code",
                table: "persons");

            migrationBuilder.DropColumn(
                name: "status",
                table: "persons");
        }
    }
}
