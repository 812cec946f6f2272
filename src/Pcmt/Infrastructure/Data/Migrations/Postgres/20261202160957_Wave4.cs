using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "follow_up_result",
                table: "lawful_inspections",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "facility_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    facility_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    person_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    file_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    document_protected = table.Column<byte[]>(type: "bytea", nullable: false),
                    voided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facility_certificates", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_support_services_kind_provided_on",
                table: "support_services",
                columns: new[] { "kind", "provided_on" })
                .Annotation("Npgsql:IndexInclude", new[] { "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_persons_id_status",
                table: "persons",
                columns: new[] { "id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_province_code_list_from_on",
                table: "list_entries",
                columns: new[] { "province_code", "list", "from_on" })
                .Annotation("Npgsql:IndexInclude", new[] { "commune_code", "person_id", "to_on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_records_positive_tests",
                table: "case_records",
                column: "occurred_at",
                filter: "kind = 'drug-test' AND payload LIKE '%\"result\":\"positive\"%'")
                .Annotation("Npgsql:IndexInclude", new[] { "person_id", "voided_at" });

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
