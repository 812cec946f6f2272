using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Enforcement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "version",
                table: "hotspots",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "version",
                table: "cultivation_finds",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "drug_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    detecting_unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    detected_on = table.Column<DateOnly>(type: "date", nullable: false),
                    route = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organised = table.Column<bool>(type: "boolean", nullable: false),
                    transnational = table.Column<bool>(type: "boolean", nullable: false),
                    offences = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drug_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wanted_persons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    full_name_protected = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    birth_year = table.Column<int>(type: "integer", nullable: true),
                    warrant_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    offence = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    hiding_from = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wanted_persons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_suspects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    full_name_protected = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    birth_year = table.Column<int>(type: "integer", nullable: true),
                    residence_protected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    resident = table.Column<bool>(type: "boolean", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    persons = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    substance = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    quantity = table.Column<decimal>(type: "numeric(16,3)", precision: 16, scale: 3, nullable: false),
                    unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "ix_case_suspects_case_id",
                table: "case_suspects",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_suspects_person_id",
                table: "case_suspects",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_drug_cases_province_code_commune_code_detected_on",
                table: "drug_cases",
                columns: new[] { "province_code", "commune_code", "detected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_prosecution_stages_case_id",
                table: "prosecution_stages",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_seizures_case_id",
                table: "seizures",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_wanted_persons_province_code_commune_code_hiding_from",
                table: "wanted_persons",
                columns: new[] { "province_code", "commune_code", "hiding_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_suspects");

            migrationBuilder.DropTable(
                name: "prosecution_stages");

            migrationBuilder.DropTable(
                name: "seizures");

            migrationBuilder.DropTable(
                name: "wanted_persons");

            migrationBuilder.DropTable(
                name: "drug_cases");

            migrationBuilder.DropColumn(
                name: "version",
                table: "hotspots");

            migrationBuilder.DropColumn(
                name: "version",
                table: "cultivation_finds");
        }
    }
}
