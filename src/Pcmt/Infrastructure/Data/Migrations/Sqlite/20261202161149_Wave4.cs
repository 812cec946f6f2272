using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "follow_up_done_on",
                table: "lawful_inspections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "follow_up_result",
                table: "lawful_inspections",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "facility_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    facility_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    episode_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    form = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    person_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    document_protected = table.Column<byte[]>(type: "BLOB", nullable: false),
                    voided_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facility_certificates", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_support_services_kind_provided_on",
                table: "support_services",
                columns: new[] { "kind", "provided_on" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_id_status",
                table: "persons",
                columns: new[] { "id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_province_code_list_from_on",
                table: "list_entries",
                columns: new[] { "province_code", "list", "from_on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_records_positive_tests",
                table: "case_records",
                column: "occurred_at",
                filter: "kind = 'drug-test' AND payload LIKE '%\"result\":\"positive\"%'");

            migrationBuilder.CreateIndex(
                name: "ix_facility_certificates_facility_id_issued_at",
                table: "facility_certificates",
                columns: new[] { "facility_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_facility_certificates_record_id",
                table: "facility_certificates",
                column: "record_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "facility_certificates");

            migrationBuilder.DropIndex(
                name: "ix_support_services_kind_provided_on",
                table: "support_services");

            migrationBuilder.DropIndex(
                name: "ix_persons_id_status",
                table: "persons");

            migrationBuilder.DropIndex(
                name: "ix_list_entries_province_code_list_from_on",
                table: "list_entries");

            migrationBuilder.DropIndex(
                name: "ix_case_records_positive_tests",
                table: "case_records");

            migrationBuilder.DropColumn(
                name: "follow_up_done_on",
                table: "lawful_inspections");

            migrationBuilder.DropColumn(
                name: "follow_up_result",
                table: "lawful_inspections");
        }
    }
}
