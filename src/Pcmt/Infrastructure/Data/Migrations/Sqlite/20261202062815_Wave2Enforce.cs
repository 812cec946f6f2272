using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave2Enforce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lawful_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    responsible_agency_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    licence_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    licence_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    licence_issuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    substances = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lawful_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "lawful_inspections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    team_agency_codes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    violations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    penalty_vnd = table.Column<long>(type: "INTEGER", nullable: true),
                    follow_up = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    follow_up_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    follow_up_task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lawful_inspections", x => x.id);
                    table.ForeignKey(
                        name: "fk_lawful_inspections_lawful_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "lawful_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lawful_activities_province_code_commune_code",
                table: "lawful_activities",
                columns: new[] { "province_code", "commune_code" });

            migrationBuilder.CreateIndex(
                name: "ix_lawful_activities_responsible_agency_code",
                table: "lawful_activities",
                column: "responsible_agency_code");

            migrationBuilder.CreateIndex(
                name: "ix_lawful_inspections_activity_id_inspected_on",
                table: "lawful_inspections",
                columns: new[] { "activity_id", "inspected_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lawful_inspections");

            migrationBuilder.DropTable(
                name: "lawful_activities");
        }
    }
}
