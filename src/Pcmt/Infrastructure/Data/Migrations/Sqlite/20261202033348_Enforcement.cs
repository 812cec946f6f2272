using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "version",
                table: "cultivation_finds",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

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
