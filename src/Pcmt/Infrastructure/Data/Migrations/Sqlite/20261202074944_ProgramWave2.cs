using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pcmt.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgramWave2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "confirmation",
                table: "plan_tasks",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "communication_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    audience = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    participants = table.Column<int>(type: "INTEGER", nullable: false),
                    materials = table.Column<int>(type: "INTEGER", nullable: false),
                    site_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    outlet_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communication_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "education_sites",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    people = table.Column<int>(type: "INTEGER", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_education_sites", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "facility_residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    facility_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_facility_residents", x => x.id);
                });

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
                name: "media_outlets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    main = table.Column<bool>(type: "INTEGER", nullable: false),
                    column_since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_media_outlets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supporter_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    measure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    decision_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    from_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supporter_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    team = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    phone_protected = table.Column<string>(type: "TEXT", nullable: true),
                    joined_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_members", x => x.id);
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
                name: "ix_communication_activities_province_code_commune_code_held_on",
                table: "communication_activities",
                columns: new[] { "province_code", "commune_code", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_education_sites_province_code_commune_code_kind",
                table: "education_sites",
                columns: new[] { "province_code", "commune_code", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_facility_residents_facility_id_person_id",
                table: "facility_residents",
                columns: new[] { "facility_id", "person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_facility_residents_person_id_source_id",
                table: "facility_residents",
                columns: new[] { "person_id", "source_id" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_media_outlets_province_code_commune_code",
                table: "media_outlets",
                columns: new[] { "province_code", "commune_code" });

            migrationBuilder.CreateIndex(
                name: "ix_supporter_assignments_member_id",
                table: "supporter_assignments",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_supporter_assignments_person_id",
                table: "supporter_assignments",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_province_code_commune_code_team",
                table: "team_members",
                columns: new[] { "province_code", "commune_code", "team" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "communication_activities");

            migrationBuilder.DropTable(
                name: "education_sites");

            migrationBuilder.DropTable(
                name: "facility_residents");

            migrationBuilder.DropTable(
                name: "lawful_inspections");

            migrationBuilder.DropTable(
                name: "media_outlets");

            migrationBuilder.DropTable(
                name: "supporter_assignments");

            migrationBuilder.DropTable(
                name: "team_members");

            migrationBuilder.DropTable(
                name: "lawful_activities");

            migrationBuilder.DropColumn(
                name: "confirmation",
                table: "plan_tasks");
        }
    }
}
