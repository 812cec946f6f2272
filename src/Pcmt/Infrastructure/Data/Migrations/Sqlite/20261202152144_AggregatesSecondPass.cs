using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AggregatesSecondPass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
